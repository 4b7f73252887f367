package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PricebookIntegrationTest
class ActuatorIntegrationTests {

	private final MockMvcTester mvc;

	@Autowired
	ActuatorIntegrationTests(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	@Test
	void reportsReadinessIncludingTheDatabase() {

		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"status": "UP", "components": {"db": {"status": "UP"}, "readinessState": {"status": "UP"}}}""");
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheApplication() {

		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("application=\"pricebook-service\"");
	}
}
