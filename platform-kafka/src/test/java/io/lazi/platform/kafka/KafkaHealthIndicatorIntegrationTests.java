package io.lazi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.lazi.platform.test.SharedInfrastructure;

/**
 * The {@code kafka} health indicator against the shared real broker and against a closed port, alone
 * and in a readiness group set up as the services set theirs: readiness follows Kafka, liveness does
 * not; one admin client serves every probe and goes with the context.
 */
class KafkaHealthIndicatorIntegrationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, LaziKafkaHealthAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, EndpointAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
				AvailabilityProbesAutoConfiguration.class))
		.withPropertyValues("lazi.kafka.health.timeout=1s", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,kafka",
				"management.endpoint.health.group.liveness.include=livenessState");

	@Test
	void reportsUpWithTheClusterOfARealBroker() {

		contexts.withPropertyValues("spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers())
			.run(context -> {
				var health = context.getBean("kafkaHealthIndicator", KafkaHealthIndicator.class).health();

				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(context.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus())
					.isEqualTo(Status.UP);
			});
	}

	@Test
	void reportsDownWithTheReasonWithinTheTimeoutWhenTheBrokerIsUnreachable() throws IOException {

		var closed = closedPort();
		contexts.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:" + closed).run(context -> {
			var started = System.nanoTime();
			var health = context.getBean(KafkaHealthIndicator.class).health();
			var took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("bootstrapServers", "127.0.0.1:" + closed);
			assertThat(String.valueOf(health.getDetails().get("error"))).contains("TimeoutException");
			assertThat(took).isLessThan(Duration.ofSeconds(3));
		});
	}

	@Test
	void takesReadinessDownButNotLivenessWhileKafkaIsUnreachable() throws IOException {

		contexts.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort()).run(context -> {
			// What SpringApplication publishes once started; a bare context has neither state yet.
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			var endpoint = context.getBean(HealthEndpoint.class);

			var readiness = (CompositeHealthDescriptor) endpoint.healthForPath("readiness");
			assertThat(readiness.getStatus()).isEqualTo(Status.DOWN);
			assertThat(readiness.getComponents()).containsOnlyKeys("readinessState", "kafka");
			assertThat(readiness.getComponents().get("readinessState").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void reusesOneAdminClientForEveryProbeAndClosesItWithTheContext() {

		var before = adminClientThreads();
		contexts.withPropertyValues("spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers())
			.run(context -> {
				var indicator = context.getBean(KafkaHealthIndicator.class);
				for (int i = 0; i < 5; i++) {
					assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				}
				assertThat(adminClientThreads()).isEqualTo(before + 1);
			});
		assertThat(adminClientThreads()).isEqualTo(before);
	}

	@Test
	void connectsWithTheServicesSecuritySettings() {

		var jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"pw\";";
		contexts.withPropertyValues("spring.kafka.bootstrap-servers=kafka:9092", "spring.kafka.client-id=svc",
				"spring.kafka.security.protocol=SASL_SSL", "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
				"spring.kafka.properties.sasl.jaas.config=" + jaas)
			.run(context -> assertThat(context.getBean(KafkaHealthIndicator.class).clientConfig())
				.containsEntry("bootstrap.servers", java.util.List.of("kafka:9092"))
				.containsEntry("security.protocol", "SASL_SSL")
				.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
				.containsEntry("sasl.jaas.config", jaas)
				.doesNotContainKey("client.id"));
	}

	@Test
	void isOffWhenTheKafkaHealthIndicatorIsDisabled() {

		// Without the group settings: a group naming a missing contributor fails the start (Boot's check).
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, LaziKafkaHealthAutoConfiguration.class))
			.withPropertyValues("management.health.kafka.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
	}

	private static long adminClientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.getName().startsWith("kafka-admin-client-thread"))
			.count();
	}

	/** A port that nothing listens on: bound once, then released. */
	private static int closedPort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
