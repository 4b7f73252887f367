package io.lazi.stingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;

import io.lazi.platform.test.HealthGroups;

/**
 * The Kubernetes probes on the management port, without a token: readiness follows the database and
 * Kafka, liveness neither; the rest of actuator still wants a token.
 */
class ProbesIntegrationTests extends IntegrationTestSupport {

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Test
	void readinessIncludesTheDatabaseAndKafkaAndLivenessNeither() {

		assertThat(HealthGroups.members(context, "readiness")).containsExactly("db", "kafka", "readinessState");
		assertThat(HealthGroups.members(context, "liveness")).containsExactly("livenessState");
	}

	@Test
	void answersTheProbesWithoutATokenOnTheManagementPort() throws Exception {

		var readiness = HealthGroups.probe(managementPort, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"db\"", "\"kafka\"");
		assertThat(HealthGroups.probe(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(HealthGroups.probe(managementPort, "/actuator/mappings").statusCode()).isEqualTo(401);
	}
}
