package io.lazi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.KafkaCredentials;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;

class StackPortsUnitTests {

	private static final StackSecrets SECRETS = new StackSecrets(kafkaPasswords(), "users-password",
			Map.of("st-ingest-service", "s1", "image-service", "s2", "crm-pipeline-service", "s3", "pricebook-service",
					"s4", "lazi-cli", "s5"),
			Map.of("st_ingest", "d1", "pricebook", "d2", "image", "d3", "crm_pipeline", "d4", "field", "d5"));

	/** A secrets directory holding the Kafka principals' passwords only. */
	private static Path kafkaPasswords() {

		try {
			var directory = Files.createTempDirectory("lazi-secrets");
			KafkaCredentials.readOrCreate(directory);
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void usesTheDocumentedDefaults() {

		var ports = StackPorts.fromEnvironment(Map.of());

		assertThat(ports).isEqualTo(new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8090, 9000, 9092, 9093, 54321));
	}

	@Test
	void takesEachPortFromItsVariable() {

		var ports = StackPorts.fromEnvironment(Map.ofEntries(Map.entry("LAZI_GATEWAY_PORT", "18080"),
				Map.entry("LAZI_ST_INGEST_PORT", "18081"), Map.entry("LAZI_PRICEBOOK_PORT", "18082"),
				Map.entry("LAZI_CRM_PIPELINE_PORT", "18083"), Map.entry("LAZI_IMAGE_PORT", "18084"),
				Map.entry("LAZI_NOTIFICATION_PORT", "18085"), Map.entry("LAZI_FIELD_PORT", "18086"),
				Map.entry("LAZI_ST_SIMULATOR_PORT", "18090"),
				Map.entry("LAZI_IDENTITY_PROVIDER_PORT", "19000"), Map.entry("LAZI_KAFKA_PORT", "19092"),
				Map.entry("LAZI_KAFKA_CONTROLLER_PORT", "19093"), Map.entry("LAZI_DB_PORT", " 15432 ")));

		assertThat(ports)
			.isEqualTo(new StackPorts(18080, 18081, 18082, 18083, 18084, 18085, 18086, 18090, 19000, 19092, 19093, 15432));
	}

	@Test
	void rejectsSomethingThatIsNotAPortNamingTheVariable() {

		assertThatIllegalArgumentException().isThrownBy(() -> StackPorts.fromEnvironment(Map.of("LAZI_KAFKA_PORT", "x")))
			.withMessageContaining("LAZI_KAFKA_PORT=x");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackPorts.fromEnvironment(Map.of("LAZI_DB_PORT", "70000")))
			.withMessageContaining("LAZI_DB_PORT");
	}

	@Test
	void usesTheEmbeddedDatabaseUnlessLaziDbUrlIsSet() {

		assertThat(DatabaseSettings.fromEnvironment(Map.of(), 54321))
			.isEqualTo(new DatabaseSettings("jdbc:postgresql://localhost:54321/postgres", "postgres", "", true));
		assertThat(DatabaseSettings.fromEnvironment(Map.of(), 54321).withEmbeddedAdminPassword("from-the-run-directory").password())
			.isEqualTo("from-the-run-directory");
		assertThat(DatabaseSettings.fromEnvironment(Map.of("LAZI_DB_URL", "jdbc:postgresql://db:5432/lazi",
				"LAZI_DB_USER", "lazi", "LAZI_DB_PASSWORD", "pw"), 54321))
			.isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/lazi", "lazi", "pw", false));
	}

	@Test
	void connectsEachServiceAsTheRoleGivenForItOrElseAsTheRoleTheStackCreates() {

		var database = DatabaseSettings.fromEnvironment(Map.of("LAZI_DB_URL", "jdbc:postgresql://db:5432/lazi",
				"LAZI_DB_PRICEBOOK_USER", "lazi_pricebook", "LAZI_DB_PRICEBOOK_PASSWORD", "given",
				"LAZI_DB_IMAGE_PASSWORD", "image-given"), 54321);
		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), StackPorts.defaults(), database, SECRETS,
				new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());

		assertThat(database.needsAdmin()).isTrue();
		assertThat(stack.environment(StackService.PRICEBOOK)).containsEntry("SPRING_DATASOURCE_USERNAME", "lazi_pricebook")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "given");
		assertThat(stack.environment(StackService.IMAGE)).containsEntry("SPRING_DATASOURCE_USERNAME", "image")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "image-given");
		assertThat(stack.environment(StackService.ST_INGEST)).containsEntry("SPRING_DATASOURCE_USERNAME", "st_ingest")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "d1");
		assertThat(stack.environment(StackService.FIELD)).containsEntry("SPRING_DATASOURCE_USERNAME", "field")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "d5");
		assertThat(DatabaseSettings.fromEnvironment(Map.of("LAZI_DB_URL", "jdbc:postgresql://db:5432/lazi",
				"LAZI_DB_ST_INGEST_PASSWORD", "a", "LAZI_DB_PRICEBOOK_PASSWORD", "b", "LAZI_DB_IMAGE_PASSWORD", "c",
				"LAZI_DB_CRM_PIPELINE_PASSWORD", "d"), 54321).needsAdmin()).as("field's role is still to create").isTrue();
		assertThat(DatabaseSettings.fromEnvironment(Map.of("LAZI_DB_URL", "jdbc:postgresql://db:5432/lazi",
				"LAZI_DB_ST_INGEST_PASSWORD", "a", "LAZI_DB_PRICEBOOK_PASSWORD", "b", "LAZI_DB_IMAGE_PASSWORD", "c",
				"LAZI_DB_CRM_PIPELINE_PASSWORD", "d", "LAZI_DB_FIELD_PASSWORD", "e"), 54321).needsAdmin()).isFalse();
	}

	@Test
	void listsOnlyThePortsOfProcessesItStarts() {

		var ports = StackPorts.defaults();

		assertThat(ports.inUse(true)).containsValues(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8090, 9000, 9092, 9093, 54321)
			.containsValues(8180, 8181, 8182, 8183, 8184, 8185, 8186, 8190, 9100)
			.containsEntry("field-service", 8086)
			.containsEntry("field-service (management)", 8186)
			.containsEntry("gateway-service (management)", 8180)
			.containsEntry("identity-provider (management)", 9100);
		assertThat(ports.inUse(false)).doesNotContainValue(54321);
	}

	@Test
	void choosesDistinctFreePortsOutsideTheEphemeralRange() {

		var ports = StackPorts.free();
		var http = java.util.List.of(ports.gateway(), ports.stIngest(), ports.pricebook(), ports.crmPipeline(),
				ports.image(), ports.notification(), ports.field(), ports.stSimulator(), ports.identityProvider());
		var chosen = new java.util.ArrayList<>(http);
		http.forEach(port -> chosen.add(StackPorts.management(port)));
		chosen.addAll(java.util.List.of(ports.kafka(), ports.kafkaController(), ports.database()));

		assertThat(chosen).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(20_000, 32_767 + 100));
	}

	@Test
	void passesEachServiceItsPortsUrlsAndSecret() {

		var ports = StackPorts.fromEnvironment(Map.of("LAZI_KAFKA_PORT", "19092", "LAZI_ST_SIMULATOR_PORT", "18090"));
		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321, "admin-secret"), SECRETS,
				new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());

		assertThat(stack.environment(StackService.PRICEBOOK)).containsEntry("SERVER_PORT", "8082")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:54321/postgres")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "pricebook")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "d2");
		assertThat(stack.environment(StackService.CRM_PIPELINE)).containsEntry("SPRING_DATASOURCE_USERNAME", "crm_pipeline")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "d4");
		assertThat(stack.environment(StackService.FIELD)).containsEntry("SERVER_PORT", "8086")
			.containsEntry("MANAGEMENT_SERVER_PORT", "8186")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:54321/postgres")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "field")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "d5")
			// It calls no other service: no URL of one.
			.doesNotContainKeys("LAZI_ST_INGEST_URL", "LAZI_IMAGE_URL", LocalStack.DISCOVERY_JSON);
		assertThat(stack.environment(StackService.NOTIFICATION)).doesNotContainKeys("SPRING_DATASOURCE_URL",
				"SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
		assertThat(stack.environment(StackService.ST_INGEST)).containsEntry("LAZI_ST_AUTH_URL", "http://localhost:18090")
			.containsEntry("LAZI_ST_API_URL", "http://localhost:18090");
		assertThat(stack.environment(StackService.ST_SIMULATOR))
			.containsEntry("LAZI_ST_SIMULATOR_CDN_BASE_URL", "http://localhost:18090/cdn");
		assertThat(stack.environment(StackService.GATEWAY)).containsEntry("SERVER_PORT", "8080")
			.containsEntry("MANAGEMENT_SERVER_PORT", "8180")
			.containsEntry("SERVER_ADDRESS", "127.0.0.1")
			.containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
			.containsEntry("LAZI_SECURITY_ISSUER_URI", "http://127.0.0.1:9000")
			.doesNotContainKeys("LAZI_JWT_SECRET", "LAZI_JWT_JWK_SET_URI", "LAZI_JWT_ISSUER", "LAZI_SECURITY_CLIENT_SECRET")
			.containsEntry("LAZI_ST_INGEST_URL", "http://localhost:8081")
			.containsEntry("LAZI_PRICEBOOK_URL", "http://localhost:8082")
			.containsEntry("LAZI_NOTIFICATION_URL", "http://localhost:8085")
			.containsEntry("LAZI_FIELD_URL", "http://localhost:8086");
	}

	@Test // GH-13
	void passesTheCallersLogFormatAndTracingSettingsToEveryService() {

		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), StackPorts.defaults(),
				DatabaseSettings.embedded(54321, "admin-secret"), SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")),
				Map.of("LAZI_LOG_FORMAT", "ecs", "LAZI_OTLP_TRACING_ENDPOINT", "http://127.0.0.1:4318/v1/traces"));
		var quiet = new LocalStack(StackLayout.of(Path.of("/repo")), StackPorts.defaults(),
				DatabaseSettings.embedded(54321, "admin-secret"), SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")),
				Map.of());

		for (var service : LocalStack.SERVICES) {
			assertThat(stack.environment(service)).as(service.module())
				.containsEntry("LAZI_LOG_FORMAT", "ecs")
				.containsEntry("LAZI_OTLP_TRACING_ENDPOINT", "http://127.0.0.1:4318/v1/traces")
				.doesNotContainKey("LAZI_TRACING_SAMPLING_PROBABILITY");
			assertThat(quiet.environment(service)).as(service.module())
				.doesNotContainKeys(LocalStack.OBSERVABILITY.toArray(String[]::new));
		}
	}

	@Test
	void connectsEachServiceToItsOwnBrokerAsItsOwnKafkaPrincipal() {

		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), StackPorts.defaults(),
				DatabaseSettings.embedded(54321, "admin-secret"), SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());
		var harness = new LocalStack(StackLayout.of(Path.of("/repo")), StackPorts.defaults(),
				DatabaseSettings.embedded(54321, "admin-secret"), "localhost:1", SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")),
				Map.of());
		var password = SECRETS.kafkaCredentials().password("pricebook-service");

		assertThat(stack.environment(StackService.PRICEBOOK))
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"pricebook-service\" password=\""
							+ password + "\";")
			.containsEntry("LAZI_KAFKA_CREATE_TOPICS", "false");
		assertThat(stack.environment(StackService.NOTIFICATION).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
			.contains("username=\"notification-service\"");
		assertThat(stack.environment(StackService.FIELD).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
			.contains("username=\"field-service\"");
		assertThat(stack.environment(StackService.GATEWAY)).doesNotContainKey("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
		assertThat(harness.environment(StackService.PRICEBOOK)).doesNotContainKeys("SPRING_KAFKA_SECURITY_PROTOCOL",
				"LAZI_KAFKA_CREATE_TOPICS");
	}

	@Test
	void startsTheIdentityProviderWithTheRunsSecretsAndGivesEachCallingServiceItsClientSecret() {

		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), StackPorts.defaults(),
				DatabaseSettings.embedded(54321, "admin-secret"), SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")),
				Map.of(LocalStack.BIND_ADDRESS, "0.0.0.0"));

		assertThat(stack.environment(StackService.IDENTITY_PROVIDER)).containsEntry("SERVER_PORT", "9000")
			.containsEntry("MANAGEMENT_SERVER_PORT", "9100")
			.containsEntry("SERVER_ADDRESS", "0.0.0.0")
			.containsEntry("LAZI_IDENTITY_PROVIDER_ISSUER", "http://127.0.0.1:9000")
			.containsEntry("LAZI_IDENTITY_PROVIDER_KEY_FILE",
					SECRETS.directory().resolve("identity-provider-signing-key.json").toString())
			.containsEntry("LAZI_IDENTITY_PROVIDER_USERS_PASSWORD", "users-password")
			.containsEntry("LAZI_IDENTITY_PROVIDER_CLIENT_SECRET_ST_INGEST_SERVICE", "s1")
			.containsEntry("LAZI_IDENTITY_PROVIDER_CLIENT_SECRET_LAZI_CLI", "s5")
			// The console, served by this stack's gateway, signs in there.
			.containsEntry("LAZI_IDENTITY_PROVIDER_CONSOLE_ORIGINS",
					"http://localhost:8080,http://127.0.0.1:8080,http://localhost:5173")
			.doesNotContainKeys("SPRING_DATASOURCE_PASSWORD", "LAZI_SECURITY_ISSUER_URI");
		assertThat(stack.environment(StackService.ST_INGEST)).containsEntry("LAZI_SECURITY_CLIENT_SECRET", "s1")
			.containsEntry("MANAGEMENT_SERVER_PORT", "8181")
			.containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0");
		assertThat(stack.environment(StackService.IMAGE)).containsEntry("LAZI_SECURITY_CLIENT_SECRET", "s2");
		assertThat(stack.environment(StackService.CRM_PIPELINE)).containsEntry("LAZI_SECURITY_CLIENT_SECRET", "s3");
		assertThat(stack.environment(StackService.PRICEBOOK)).containsEntry("LAZI_SECURITY_CLIENT_SECRET", "s4");
		assertThat(stack.environment(StackService.NOTIFICATION)).doesNotContainKey("LAZI_SECURITY_CLIENT_SECRET")
			.containsEntry("LAZI_SECURITY_ISSUER_URI", "http://127.0.0.1:9000")
			.containsEntry("MANAGEMENT_SERVER_PORT", "8185");
		// field-service calls no internal API, so it has no client of the identity provider (as notification-service).
		assertThat(stack.environment(StackService.FIELD)).doesNotContainKey("LAZI_SECURITY_CLIENT_SECRET")
			.containsEntry("LAZI_SECURITY_ISSUER_URI", "http://127.0.0.1:9000")
			.containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0");
		assertThat(stack.environment(StackService.IDENTITY_PROVIDER))
			.doesNotContainKey("LAZI_IDENTITY_PROVIDER_CLIENT_SECRET_FIELD_SERVICE");
	}

	@Test
	void givesAClientSecretToExactlyTheServicesThatCallAnInternalApi() {

		var callers = java.util.Arrays.stream(io.lazi.platform.events.access.InternalScope.values())
			.flatMap(scope -> scope.callers().stream())
			.collect(java.util.stream.Collectors.toSet());

		for (var service : LocalStack.SERVICES) {
			assertThat(service.callsInternalApis()).as(service.module()).isEqualTo(callers.contains(service.module()));
		}
		assertThat(StackSecrets.CLIENTS).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.concat(callers.stream(), java.util.stream.Stream.of(StackSecrets.CLI_CLIENT)).toList());
		assertThat(StackService.FIELD.callsInternalApis()).isFalse();
	}

	@Test
	void turnsStIngestsScheduledPullsOffOnlyWhenAsked() {

		var ports = StackPorts.fromEnvironment(Map.of());
		var asked = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321, "admin-secret"), SECRETS,
				new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of(LocalStack.SCHEDULED_SYNCS, "false"));
		var notAsked = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321, "admin-secret"),
				SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());

		assertThat(asked.environment(StackService.ST_INGEST)).containsEntry("LAZI_STINGEST_SCHEDULE_ENABLED", "false")
			.containsEntry("LAZI_STINGEST_CRMSCHEDULE_ENABLED", "false")
			.containsEntry("LAZI_STINGEST_DISPATCHSCHEDULE_ENABLED", "false");
		assertThat(notAsked.environment(StackService.ST_INGEST)).doesNotContainKeys("LAZI_STINGEST_SCHEDULE_ENABLED",
				"LAZI_STINGEST_CRMSCHEDULE_ENABLED", "LAZI_STINGEST_DISPATCHSCHEDULE_ENABLED");
	}

	@Test
	void pointsImageServiceAtStIngestAndAllowsOnlyTheSimulatorsCdnOnLoopback() {

		var ports = StackPorts.fromEnvironment(Map.of("LAZI_ST_SIMULATOR_PORT", "18090", "LAZI_IMAGE_PORT", "18084"));
		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321, "admin-secret"), SECRETS,
				new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());

		assertThat(LocalStack.SERVICES).contains(StackService.IMAGE);
		assertThat(stack.environment(StackService.IMAGE)).containsEntry("SERVER_PORT", "18084")
			.containsEntry("LAZI_ST_INGEST_URL", "http://localhost:8081")
			.containsEntry("LAZI_IMAGE_ST_PROXY_ALLOWED_HOSTS", "localhost")
			.containsEntry("LAZI_IMAGE_ST_PROXY_ALLOWED_PORTS", "18090")
			.containsEntry("LAZI_IMAGE_ST_PROXY_ALLOW_LOOPBACK", "true");
		assertThat(stack.environment(StackService.GATEWAY)).containsEntry("LAZI_IMAGE_URL", "http://localhost:18084");
		assertThat(stack.environment(StackService.PRICEBOOK)).doesNotContainKey("LAZI_IMAGE_ST_PROXY_ALLOW_LOOPBACK");
	}

	@Test
	void pointsStIngestAtARealServiceTitanWhenAsked() {

		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), StackPorts.defaults(),
				DatabaseSettings.embedded(54321, "admin-secret"), SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")),
				Map.of("LAZI_ST_AUTH_URL", "https://auth-integration.servicetitan.io", "LAZI_ST_API_URL",
						"https://api-integration.servicetitan.io"));

		assertThat(stack.environment(StackService.ST_INGEST))
			.containsEntry("LAZI_ST_AUTH_URL", "https://auth-integration.servicetitan.io")
			.containsEntry("LAZI_ST_API_URL", "https://api-integration.servicetitan.io");
	}

	@Test
	void putsInstanceNOfEachServiceAThousandPortsAboveTheFirstAndTheInfrastructureOnce() {

		var instances = StackInstances.offset(StackPorts.defaults(), 3);

		assertThat(instances.of(StackService.GATEWAY)).extracting(ServiceInstance::name, ServiceInstance::port,
				ServiceInstance::managementPort)
			.containsExactly(tuple("gateway-service", 8080, 8180), tuple("gateway-service-2", 9080, 9180),
					tuple("gateway-service-3", 10080, 10180));
		assertThat(instances.of(StackService.PRICEBOOK)).extracting(ServiceInstance::port).containsExactly(8082, 9082, 10082);
		assertThat(instances.of(StackService.IDENTITY_PROVIDER)).extracting(ServiceInstance::port).containsExactly(9000);
		assertThat(instances.of(StackService.ST_SIMULATOR)).hasSize(1);
		assertThat(instances.of(StackService.FIELD)).extracting(ServiceInstance::name, ServiceInstance::port)
			.containsExactly(tuple("field-service", 8086), tuple("field-service-2", 9086), tuple("field-service-3", 10086));
		assertThat(instances.services()).hasSize(21);
		assertThat(instances.additionalPorts()).hasSize(28)
			.containsEntry("notification-service-2", 9085)
			.containsEntry("notification-service-3 (management)", 10185)
			.doesNotContainKey("gateway-service");
		assertThatIllegalArgumentException().isThrownBy(() -> StackInstances.offset(StackPorts.defaults(), 5))
			.withMessageContaining("1 to 4");
		assertThatIllegalArgumentException().isThrownBy(() -> StackInstances.offset(StackPorts.defaults(), 0));
		var high = StackPorts.fromEnvironment(Map.of("LAZI_IMAGE_PORT", "63000"));
		assertThatIllegalArgumentException().isThrownBy(() -> StackInstances.offset(high, 4))
			.withMessageContaining("management port");
	}

	@Test
	void pointsCallersOfReplicatedServicesAtTheLoadBalancerAndListsEveryInstance() throws Exception {

		var ports = StackPorts.defaults();
		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), StackInstances.offset(ports, 2), ports,
				DatabaseSettings.embedded(54321, "admin-secret"), "", SECRETS,
				new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());
		var second = stack.instances().of(StackService.PRICEBOOK).get(1);

		assertThat(stack.environment(second)).containsEntry("SERVER_PORT", "9082")
			.containsEntry("MANAGEMENT_SERVER_PORT", "9182")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "pricebook")
			.containsEntry("LAZI_IMAGE_URL", "lb://image-service");
		var gateway = stack.environment(StackService.GATEWAY);
		assertThat(gateway).containsEntry("SERVER_PORT", "8080")
			.containsEntry("LAZI_PRICEBOOK_URL", "lb://pricebook-service")
			.containsEntry("LAZI_NOTIFICATION_URL", "lb://notification-service")
			.containsEntry("LAZI_ST_INGEST_URL", "lb://st-ingest-service")
			.containsEntry("LAZI_FIELD_URL", "lb://field-service");
		var discovery = new com.fasterxml.jackson.databind.ObjectMapper().readTree(gateway.get(LocalStack.DISCOVERY_JSON))
			.at("/spring/cloud/discovery/client/simple/instances");
		assertThat(discovery.properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("st-ingest-service", "pricebook-service", "crm-pipeline-service", "field-service",
					"image-service", "notification-service");
		assertThat(discovery.path("field-service").findValuesAsText("uri"))
			.containsExactly("http://localhost:8086", "http://localhost:9086");
		assertThat(discovery.path("notification-service").findValuesAsText("uri"))
			.containsExactly("http://localhost:8085", "http://localhost:9085");
		var image = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(stack.environment(StackService.IMAGE).get(LocalStack.DISCOVERY_JSON))
			.at("/spring/cloud/discovery/client/simple/instances");
		assertThat(image.properties()).extracting(Map.Entry::getKey).containsExactly("st-ingest-service");
		assertThat(stack.environment(StackService.NOTIFICATION)).doesNotContainKey(LocalStack.DISCOVERY_JSON);
		// The console signs in from either gateway.
		assertThat(stack.environment(StackService.IDENTITY_PROVIDER)).containsEntry("LAZI_IDENTITY_PROVIDER_CONSOLE_ORIGINS",
				"http://localhost:8080,http://127.0.0.1:8080,http://localhost:9080,http://127.0.0.1:9080,http://localhost:5173");
		// One instance: the plain URLs, as before and as in Kubernetes.
		var single = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321, "admin-secret"),
				SECRETS, new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());
		assertThat(single.environment(StackService.GATEWAY)).containsEntry("LAZI_PRICEBOOK_URL", "http://localhost:8082")
			.doesNotContainKey(LocalStack.DISCOVERY_JSON);
	}
}
