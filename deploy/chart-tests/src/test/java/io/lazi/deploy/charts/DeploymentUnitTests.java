package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's Deployment as the platform's contract wants it, in the default and the production render:
 * probes on the management port on the right health group, resources, the JVM sized by the container,
 * configuration from ConfigMaps, a hardened security context and more than one replica spread over nodes.
 */
class DeploymentUnitTests {

	static Stream<Arguments> services() {

		return Stream.of("default", "production")
			.flatMap(values -> HelmCharts.SERVICES.stream().map(service -> Arguments.of(values, service)));
	}

	private static Rendered render(String values) {
		return values.equals("production") ? HelmCharts.production() : HelmCharts.umbrella(Map.of());
	}

	private static Container container(Deployment deployment) {

		var containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.getFirst();
	}

	@ParameterizedTest(name = "{1} ({0} values)")
	@MethodSource("services")
	void probesTheHealthGroupsOnTheManagementPort(String values, String service) {

		var container = container(render(values).deployment(service));
		assertThat(container.getPorts()).extracting(port -> port.getName() + ":" + port.getContainerPort())
			.containsExactly("http:8080", "management:8081");
		assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
		assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
		assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
		var startup = container.getStartupProbe();
		assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
			.as("seconds a cold start may take before the liveness probe takes over")
			.isGreaterThanOrEqualTo(120);
		var environment = render(values).environment(service);
		assertThat(environment).containsEntry("SERVER_PORT", "8080")
			.containsEntry("MANAGEMENT_SERVER_PORT", "8081")
			.containsEntry("LAZI_BIND_ADDRESS", "0.0.0.0");
	}

	private static void assertProbe(Probe probe, String path) {

		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
		assertThat(probe.getHttpGet().getHttpHeaders()).as("anonymous: no token").isNullOrEmpty();
	}

	@ParameterizedTest(name = "{1} ({0} values)")
	@MethodSource("services")
	void setsResourcesAndAHeapThatFollowsTheMemoryLimit(String values, String service) {

		var resources = container(render(values).deployment(service)).getResources();
		assertThat(resources.getRequests()).containsKeys("cpu", "memory");
		assertThat(resources.getLimits()).containsKey("memory");
		assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
			.as("memory request = limit: a JVM's heap does not shrink back")
			.isEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("memory")));
		assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")).longValue())
			.as("room for the measured non-heap (metaspace, code cache, threads) in 25 %% of the limit")
			.isGreaterThanOrEqualTo(768L * 1024 * 1024);
		var options = render(values).environment(service).get("JAVA_TOOL_OPTIONS");
		assertThat(options).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
			.doesNotContain("TieredStopAtLevel", "-Xmx");
	}

	@ParameterizedTest(name = "{1} ({0} values)")
	@MethodSource("services")
	void readsItsConfigurationFromConfigMaps(String values, String service) {

		var rendered = render(values);
		var deployment = rendered.deployment(service);
		var container = container(deployment);
		assertThat(container.getEnvFrom()).singleElement()
			.satisfies(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo("lazi-" + service + "-env"));
		assertThat(rendered.environment(service)).containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/config/")
			.containsEntry("LAZI_CONFIG_ENABLED", "false");
		assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
			assertThat(mount.getMountPath()).isEqualTo("/config");
			assertThat(mount.getReadOnly()).isTrue();
		});
		assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
			.filteredOn(volume -> volume.getName().equals("config"))
			.singleElement()
			.satisfies(volume -> assertThat(volume.getConfigMap().getName()).isEqualTo("lazi-" + service + "-config"));
		assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsKey("checksum/config");
	}

	@ParameterizedTest(name = "{1} ({0} values)")
	@MethodSource("services")
	void runsNonRootOnAReadOnlyFilesystemWithoutCapabilitiesOrAToken(String values, String service) {

		var rendered = render(values);
		var pod = rendered.deployment(service).getSpec().getTemplate().getSpec();
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		var security = container(rendered.deployment(service)).getSecurityContext();
		assertThat(security.getRunAsNonRoot()).isTrue();
		assertThat(security.getRunAsUser()).isEqualTo(10001L);
		assertThat(security.getReadOnlyRootFilesystem()).isTrue();
		assertThat(security.getAllowPrivilegeEscalation()).isFalse();
		assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
		assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(container(rendered.deployment(service)).getVolumeMounts())
			.anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
		assertThat(pod.getVolumes()).anySatisfy(volume -> {
			assertThat(volume.getName()).isEqualTo("tmp");
			assertThat(volume.getEmptyDir()).isNotNull();
		});
		var account = rendered.find(ServiceAccount.class, pod.getServiceAccountName()).orElseThrow();
		assertThat(account.getAutomountServiceAccountToken()).isFalse();
	}

	@ParameterizedTest(name = "{1} ({0} values)")
	@MethodSource("services")
	void spreadsTwoOrMoreReplicasOverZonesAndNodes(String values, String service) {

		var rendered = render(values);
		var deployment = rendered.deployment(service);
		var hpa = rendered.find(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
				deployment.getMetadata().getName());
		var replicas = hpa.map(autoscaler -> autoscaler.getSpec().getMinReplicas())
			.orElse(deployment.getSpec().getReplicas());
		assertThat(replicas).isGreaterThanOrEqualTo(2);
		assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
			.extracting(constraint -> constraint.getTopologyKey())
			.containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
		assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
	}

	@ParameterizedTest(name = "{1} ({0} values)")
	@MethodSource("services")
	void pinsTheImageByDigestInProduction(String values, String service) {

		var image = container(render(values).deployment(service)).getImage();
		if (values.equals("production")) {
			assertThat(image).matches("registry\\.example\\.com/lazi/" + service + ":[^@]+@sha256:[a-f0-9]{64}");
		}
		else {
			assertThat(image).isEqualTo("lazi/" + service + ":0.1.0-SNAPSHOT");
		}
	}

	@org.junit.jupiter.api.Test
	void addsTheOpenTelemetryAgentOnlyWhenAsked() {

		for (var service : HelmCharts.SERVICES) {
			assertThat(HelmCharts.umbrella(Map.of()).environment(service).get("JAVA_TOOL_OPTIONS")).doesNotContain("javaagent");
			var traced = HelmCharts.umbrella(Map.of("global.otel.agent.enabled", true)).environment(service);
			assertThat(traced.get("JAVA_TOOL_OPTIONS")).contains("-javaagent:/otel/opentelemetry-javaagent.jar");
			assertThat(traced).containsEntry("OTEL_SERVICE_NAME", service);
		}
	}

	@org.junit.jupiter.api.Test // GH-13
	void writesEcsJsonLogsUnlessAskedForAnotherFormat() {

		var text = HelmCharts.umbrella(Map.of("global.logging.format", "text"));
		for (var service : HelmCharts.SERVICES) {
			assertThat(HelmCharts.umbrella(Map.of()).environment(service)).containsEntry("LAZI_LOG_FORMAT", "ecs");
			assertThat(HelmCharts.production().environment(service)).containsEntry("LAZI_LOG_FORMAT", "ecs");
			assertThat(text.environment(service)).containsEntry("LAZI_LOG_FORMAT", "text");
		}
		assertThat(HelmCharts.templateError(HelmCharts.UMBRELLA, null, Map.of("global.logging.format", "xml")))
			.contains("global.logging.format: global.logging.format must be one of the following");
	}

	@org.junit.jupiter.api.Test // GH-13
	void exportsTheServicesSpansToTheCollectorOnlyWhenAsked() {

		var traced = HelmCharts.umbrella(Map.of("global.otel.tracing.enabled", true,
				"global.otel.tracing.samplingProbability", 0.25));
		for (var service : HelmCharts.SERVICES) {
			assertThat(HelmCharts.umbrella(Map.of()).environment(service))
				.doesNotContainKeys("LAZI_OTLP_TRACING_ENDPOINT", "LAZI_TRACING_SAMPLING_PROBABILITY");
			assertThat(traced.environment(service))
				.containsEntry("LAZI_OTLP_TRACING_ENDPOINT", "http://opentelemetry-collector.observability:4318/v1/traces")
				.containsEntry("LAZI_TRACING_SAMPLING_PROBABILITY", "0.25")
				.doesNotContainKey("OTEL_SERVICE_NAME");
			assertThat(traced.environment(service).get("JAVA_TOOL_OPTIONS")).doesNotContain("javaagent");
		}
		assertThat(HelmCharts.templateError(HelmCharts.UMBRELLA, null,
				Map.of("global.otel.tracing.enabled", true, "global.otel.agent.enabled", true)))
			.contains("global.otel.tracing.enabled and global.otel.agent.enabled would both trace every call");
		assertThat(HelmCharts.templateError(HelmCharts.UMBRELLA, null, Map.of("global.otel.tracing.samplingProbability", 2)))
			.contains("global.otel.tracing.samplingProbability: Must be less than or equal to 1");
		assertThat(HelmCharts.templateError(HelmCharts.UMBRELLA, null, Map.of("global.otel.tracing.samplingProbability", "1.5")))
			.contains("global.otel.tracing.samplingProbability: Does not match pattern");
	}

	@org.junit.jupiter.api.Test
	void pointsEveryServiceAtTheConfigServerWhenItIsOn() {

		var rendered = HelmCharts.umbrella(Map.of("global.config.server.enabled", true, "global.config.server.uri",
				"http://config-server:8888"));
		for (var service : HelmCharts.SERVICES) {
			assertThat(rendered.environment(service)).containsEntry("LAZI_CONFIG_ENABLED", "true")
				.containsEntry("LAZI_CONFIG_URI", "http://config-server:8888")
				.containsEntry("SPRING_CLOUD_CONFIG_FAIL_FAST", "true");
		}
		var lenient = HelmCharts.umbrella(Map.of("global.config.server.enabled", true, "global.config.server.uri",
				"http://config-server:8888", "global.config.server.failFast", false));
		assertThat(lenient.environment("pricebook-service")).containsEntry("SPRING_CLOUD_CONFIG_FAIL_FAST", "false");
		assertThat(HelmCharts.umbrella(Map.of()).environment("pricebook-service"))
			.doesNotContainKey("SPRING_CLOUD_CONFIG_FAIL_FAST");
		assertThat(HelmCharts.templateError(HelmCharts.UMBRELLA, null, Map.of("global.config.server.enabled", true)))
			.contains("global.config.server.uri: String length must be greater than or equal to 1");
	}

	@org.junit.jupiter.api.Test
	void wiresEachServiceToThePeersItCalls() {

		var environment = HelmCharts.umbrella(Map.of()).environment("gateway-service");
		assertThat(environment).containsEntry("LAZI_ST_INGEST_URL", "http://lazi-st-ingest-service:8080")
			.containsEntry("LAZI_PRICEBOOK_URL", "http://lazi-pricebook-service:8080")
			.containsEntry("LAZI_CRM_PIPELINE_URL", "http://lazi-crm-pipeline-service:8080")
			.containsEntry("LAZI_FIELD_URL", "http://lazi-field-service:8080")
			.containsEntry("LAZI_IMAGE_URL", "http://lazi-image-service:8080")
			.containsEntry("LAZI_NOTIFICATION_URL", "http://lazi-notification-service:8080");
		assertThat(HelmCharts.umbrella(Map.of()).environment("st-ingest-service"))
			.containsEntry("LAZI_IMAGE_URL", "http://lazi-image-service:8080")
			.containsEntry("LAZI_ST_API_URL", "https://api.servicetitan.io");
		assertThat(List.of("image-service", "crm-pipeline-service")).allSatisfy(service -> assertThat(
				HelmCharts.umbrella(Map.of()).environment(service)).containsEntry("LAZI_ST_INGEST_URL",
						"http://lazi-st-ingest-service:8080"));
		assertThat(HelmCharts.umbrella(Map.of()).environment("field-service").keySet())
			.as("field-service calls no other service: ServiceTitan writes go through st.commands")
			.noneMatch(name -> name.matches("LAZI_.*_URL"));
	}

	@org.junit.jupiter.api.Test
	void connectsFieldServiceToItsSchemaKafkaAndTheIssuerWithoutAClientSecret() {

		var rendered = HelmCharts.production();
		assertThat(rendered.environment("field-service"))
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://lazi-db.db.example.internal:5432/lazi?sslmode=require")
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
			.containsEntry("LAZI_KAFKA_CREATE_TOPICS", "false")
			.containsEntry("LAZI_SECURITY_ISSUER_URI", "https://id.example.com/realms/lazi")
			.doesNotContainKeys("LAZI_ST_API_URL", "LAZI_ST_AUTH_URL");
		assertThat(container(rendered.deployment("field-service")).getEnv())
			.extracting(env -> env.getName() + "=" + env.getValueFrom().getSecretKeyRef().getName() + "/"
					+ env.getValueFrom().getSecretKeyRef().getKey())
			.containsExactlyInAnyOrder("SPRING_DATASOURCE_USERNAME=lazi-db-field/username",
					"SPRING_DATASOURCE_PASSWORD=lazi-db-field/password",
					"SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG=field-service/sasl.jaas.config");
	}
}
