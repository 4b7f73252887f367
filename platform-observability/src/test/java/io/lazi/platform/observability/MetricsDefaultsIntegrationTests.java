package io.lazi.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class MetricsDefaultsIntegrationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LaziMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				PrometheusMetricsExportAutoConfiguration.class))
		.withPropertyValues("spring.application.name=demo-service");

	@Test
	void tagsEverySeriesWithTheApplicationName() {

		contexts.run(context -> {
			var meters = context.getBean(MeterRegistry.class);
			meters.counter("lazi.demo.things", "kind", "a").increment();

			assertThat(meters.get("lazi.demo.things").counter().getId().getTag("application")).isEqualTo("demo-service");
			assertThat(scrape(context.getBean(PrometheusMeterRegistry.class)))
				.contains("lazi_demo_things_total{application=\"demo-service\",kind=\"a\"} 1.0");
		});
	}

	@Test
	void publishesHistogramsWithRoundBoundsForHttpAndKafkaListenerTimers() {

		contexts.run(context -> {
			var meters = context.getBean(MeterRegistry.class);
			for (var name : new String[] { "http.server.requests", "http.client.requests", "spring.kafka.listener" }) {
				Timer.builder(name).register(meters).record(Duration.ofMillis(120));
			}
			Timer.builder("lazi.demo.unconfigured").register(meters).record(Duration.ofMillis(120));

			var text = scrape(context.getBean(PrometheusMeterRegistry.class));
			assertThat(text).contains("http_server_requests_seconds_bucket{application=\"demo-service\",le=\"0.5\"} 1",
					"http_client_requests_seconds_bucket{application=\"demo-service\",le=\"0.25\"} 1",
					"spring_kafka_listener_seconds_bucket{application=\"demo-service\",le=\"+Inf\"} 1")
				.doesNotContain("lazi_demo_unconfigured_seconds_bucket");
		});
	}

	@Test
	void yieldsToTheServicesOwnSettings() {

		contexts.withPropertyValues("management.metrics.tags.application=renamed",
				"management.metrics.distribution.percentiles-histogram.http.server.requests=false",
				"management.metrics.distribution.slo.http.server.requests=").run(context -> {
					var meters = context.getBean(MeterRegistry.class);
					Timer.builder("http.server.requests").register(meters).record(Duration.ofMillis(120));

					assertThat(scrape(context.getBean(PrometheusMeterRegistry.class)))
						.contains("http_server_requests_seconds_count{application=\"renamed\"} 1")
						.doesNotContain("http_server_requests_seconds_bucket");
				});
	}

	private static String scrape(PrometheusMeterRegistry registry) {
		return registry.scrape();
	}
}
