package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Values that cannot work fail {@code helm template} (and so {@code helm install}) with a message naming the
 * value: the schemas of the umbrella and of each chart, and the checks of the templates.
 */
class ValuesSchemaUnitTests {

	private static String refused(Map<String, Object> set) {
		return HelmCharts.templateError(HelmCharts.UMBRELLA, null, set);
	}

	@Test
	void refusesFewerThanOneReplica() {

		assertThat(refused(Map.of("st-ingest-service.replicaCount", -1))).contains("st-ingest-service")
			.contains("replicaCount: Must be greater than or equal to 1");
		assertThat(refused(Map.of("pricebook-service.autoscaling.minReplicas", 0))).contains("pricebook-service")
			.contains("autoscaling.minReplicas: Must be greater than or equal to 1");
	}

	@Test
	void refusesADigestThatIsNotSha256() {

		assertThat(refused(Map.of("gateway-service.image.digest", "abc"))).contains("gateway-service")
			.contains("image.digest: Does not match pattern '^(sha256:[a-f0-9]{64})?$'");
	}

	@Test
	void refusesAnImageWithoutDigestWhereDigestsAreRequired() {

		assertThat(HelmCharts.templateError(HelmCharts.UMBRELLA, HelmCharts.productionValues(),
				Map.of("image-service.image.digest", "")))
			.contains("image-service: image.digest is required (global.image.requireDigest is true)")
			.contains("registry.example.com/lazi/image-service:0.1.0");
	}

	@Test
	void refusesCredentialsGivenAsValues() {

		assertThat(refused(Map.of("st-ingest-service.database.password", "hunter2")))
			.contains("database: Additional property password is not allowed");
		assertThat(refused(Map.of("field-service.database.password", "hunter2"))).contains("field-service")
			.contains("database: Additional property password is not allowed");
		assertThat(refused(Map.of("gateway-service.config.spring.datasource.password", "hunter2")))
			.contains("config.spring.datasource.password: Invalid type. Expected: object, given: string");
		assertThat(refused(Map.of("notification-service.extraEnv.KAFKA_PASSWORD", "hunter2")))
			.contains("extraEnv: Property name of \"KAFKA_PASSWORD\" does not match");
		assertThat(refused(Map.of("kafka.users[0].passwordSecret.password", "hunter2")))
			.contains("kafka.users.0.passwordSecret: Additional property password is not allowed");
		assertThat(refused(Map.of("global.kafka.password", "hunter2")))
			.contains("global.kafka: Additional property password is not allowed");
	}

	@Test
	void refusesLocalStackJvmFlagsAndUnknownKeys() {

		assertThat(refused(Map.of("crm-pipeline-service.jvm.extraOptions", "-XX:TieredStopAtLevel=1")))
			.contains("crm-pipeline-service").contains("jvm.extraOptions: Must not validate the schema (not)");
		assertThat(refused(Map.of("image-service.replicas", 2))).contains("Additional property replicas is not allowed");
	}

	@Test
	void refusesAnIssuerThatIsNotAUrl() {

		assertThat(refused(Map.of("global.identity.issuerUri", "id.example.com")))
			.contains("global.identity.issuerUri: Does not match pattern");
		assertThat(HelmCharts.templateError("st-ingest-service", null, Map.of("global.identity.issuerUri", "")))
			.contains("global.identity.issuerUri is required");
	}
}
