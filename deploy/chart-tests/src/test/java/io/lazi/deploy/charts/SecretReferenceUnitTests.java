package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials reach the pods only as references to existing Secrets: no Secret is rendered, no environment
 * variable carries a value inline, no ConfigMap holds anything named or shaped like a credential, and each
 * service reads its own database role's and Kafka principal's Secret.
 */
class SecretReferenceUnitTests {

	private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|JAAS|APP_KEY|PRIVATE_KEY).*");

	private static final Pattern SECRET_VALUE = Pattern.compile("(?i).*(password\\s*=|ScramLoginModule|BEGIN [A-Z ]*PRIVATE KEY).*");

	static Stream<Named<Rendered>> renders() {

		return Stream.of(Named.of("default values", HelmCharts.umbrella(Map.of())),
				Named.of("production values", HelmCharts.production()),
				Named.of("stand-ins, Strimzi users and the agent", HelmCharts.umbrella(Map.of("global.stSimulator.enabled", true,
						"global.identityProvider.enabled", true, "kafka.strimzi.users.enabled", true,
						"global.otel.agent.enabled", true))));
	}

	@ParameterizedTest
	@MethodSource("renders")
	void rendersNoSecretAndOnlySecretReferencesInTheEnvironment(Rendered rendered) {

		assertThat(rendered.resources()).noneMatch(resource -> resource.getKind().equals("Secret"));
		for (var deployment : rendered.all(Deployment.class)) {
			for (var container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				for (EnvVar env : container.getEnv()) {
					assertThat(env.getValue()).as("%s %s is set inline", deployment.getMetadata().getName(), env.getName())
						.isNull();
					assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
					assertThat(env.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
				}
				assertThat(container.getEnvFrom()).allSatisfy(source -> assertThat(source.getSecretRef()).isNull());
			}
		}
		for (var configMap : rendered.all(ConfigMap.class)) {
			configMap.getData().forEach((key, value) -> {
				assertThat(key).as("%s has a credential's name", configMap.getMetadata().getName()).doesNotMatch(SECRET_NAME);
				assertThat(value).as("%s/%s looks like a credential", configMap.getMetadata().getName(), key)
					.doesNotMatch(SECRET_VALUE);
			});
		}
	}

	@Test
	void givesEachServiceItsOwnDatabaseRoleAndKafkaPrincipal() {

		var values = HelmCharts.defaultValues(HelmCharts.UMBRELLA);
		var roleSecrets = new HashMap<String, String>();
		values.path("database").path("roles").forEach(role -> roleSecrets.put(role.path("name").asText(),
				role.path("existingSecret").asText()));
		var kafkaUsers = new java.util.HashSet<String>();
		values.path("kafka").path("users").forEach(user -> kafkaUsers.add(user.path("name").asText()));
		var rendered = HelmCharts.umbrella(Map.of());
		for (var service : HelmCharts.SERVICES) {
			var secrets = new HashMap<String, String>();
			rendered.deployment(service).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()
				.forEach(env -> secrets.put(env.getName(), env.getValueFrom().getSecretKeyRef().getName() + "/"
						+ env.getValueFrom().getSecretKeyRef().getKey()));
			var role = service.replace("-service", "").replace('-', '_');
			if (roleSecrets.containsKey(role)) {
				assertThat(secrets).containsEntry("SPRING_DATASOURCE_USERNAME", roleSecrets.get(role) + "/username")
					.containsEntry("SPRING_DATASOURCE_PASSWORD", roleSecrets.get(role) + "/password");
			}
			else {
				assertThat(secrets).doesNotContainKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
			}
			if (kafkaUsers.contains(service)) {
				assertThat(secrets).as("Strimzi's KafkaUser secret is named like the user")
					.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", service + "/sasl.jaas.config");
			}
			else {
				assertThat(secrets).doesNotContainKey("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
			}
		}
		assertThat(roleSecrets).hasSize(5);
	}

	@Test
	void givesServiceTitanCredentialsToStIngestAlone() {

		var rendered = HelmCharts.production();
		for (var service : HelmCharts.SERVICES) {
			var names = rendered.deployment(service).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()
				.stream().map(EnvVar::getName).toList();
			if (service.equals("st-ingest-service")) {
				assertThat(names).contains("LAZI_ST_CLIENT_ID", "LAZI_ST_CLIENT_SECRET", "LAZI_ST_APP_KEY");
			}
			else {
				assertThat(names).doesNotContain("LAZI_ST_CLIENT_ID", "LAZI_ST_CLIENT_SECRET", "LAZI_ST_APP_KEY");
			}
		}
	}
}
