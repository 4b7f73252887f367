package io.lazi.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;

import io.lazi.platform.test.HealthGroups;

/** The Kubernetes probe groups: readiness follows the database and Kafka, liveness neither. */
@FieldIntegrationTest
class ProbesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	HealthEndpoint health;

	@Test
	void readinessIncludesTheDatabaseAndKafkaAndLivenessNeither() {

		assertThat(HealthGroups.members(context, "readiness")).containsExactly("db", "kafka", "readinessState");
		assertThat(HealthGroups.members(context, "liveness")).containsExactly("livenessState");
		assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
	}
}
