package io.lazi.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * The Kubernetes probe contract of a servlet service started on a real management port, as tests it
 * inherits: readiness follows the database and Kafka, liveness neither, both answer without a token,
 * and the rest of actuator still wants one. A service's {@code ProbesIntegrationTests} implements it;
 * Spring's JUnit extension supplies the parameters.
 */
public interface ProbeContract {

	@Test
	default void readinessIncludesTheDatabaseAndKafkaAndLivenessNeither(ApplicationContext context) {

		assertThat(HealthGroups.members(context, "readiness")).containsExactly("db", "kafka", "readinessState");
		assertThat(HealthGroups.members(context, "liveness")).containsExactly("livenessState");
	}

	@Test
	default void answersTheProbesWithoutATokenOnTheManagementPort(@Value("${local.management.port}") int managementPort)
			throws Exception {

		var readiness = HealthGroups.probe(managementPort, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"db\"", "\"kafka\"");
		assertThat(HealthGroups.probe(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(HealthGroups.probe(managementPort, "/actuator/mappings").statusCode()).isEqualTo(401);
	}
}
