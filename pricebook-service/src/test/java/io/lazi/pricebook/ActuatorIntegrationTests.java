package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.lazi.platform.test.HealthGroups;
import io.lazi.platform.test.TestTokens;

/**
 * Readiness and metrics are there, on the management port only: the main port (what MockMvc calls)
 * serves no actuator endpoint, even to a signed-in owner. platform-security's tests call the
 * management port over HTTP.
 */
@PricebookIntegrationTest
class ActuatorIntegrationTests {

	private final MockMvcTester mvc;

	private final HealthEndpoint health;

	private final PricebookTestKit kit;

	@Autowired
	ActuatorIntegrationTests(MockMvcTester mvc, HealthEndpoint health, PricebookTestKit kit) {
		this.mvc = mvc;
		this.health = health;
		this.kit = kit;
	}

	@Test
	void reportsReadinessIncludingTheDatabaseAndKafkaAndLivenessNeither(@Autowired ApplicationContext context) {

		var readiness = health.healthForPath("readiness");
		assertThat(readiness).isNotNull();
		assertThat(readiness.getStatus()).isEqualTo(Status.UP);
		assertThat(HealthGroups.members(context, "readiness")).containsExactly("db", "kafka", "readinessState");
		assertThat(HealthGroups.members(context, "liveness")).containsExactly("livenessState");
	}

	@Test
	void exposesPrometheusMetricsEachTaggedWithTheApplication() {

		var metrics = kit.metrics();
		assertThat(metrics.series()).isNotEmpty();
		assertThat(metrics.without("application", "pricebook-service")).isEmpty();
		assertThat(metrics.values("lazi_pricebook_push_outcomes_total", "outcome"))
			.containsExactlyInAnyOrder("pushed", "not_found", "failed", "parent_not_created", "conflict");
	}

	@Test
	void servesNoActuatorEndpointOnTheMainPort() {

		assertThat(mvc.get().uri("/actuator/health")).hasStatus(401);
		assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + TestTokens.user("3222348440", "OWNER")))
			.hasStatus(404);
	}
}
