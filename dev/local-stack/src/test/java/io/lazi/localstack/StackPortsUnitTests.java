package io.lazi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;

class StackPortsUnitTests {

	@Test
	void usesTheDocumentedDefaults() {

		var ports = StackPorts.fromEnvironment(Map.of());

		assertThat(ports).isEqualTo(new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 8090, 9092, 9093, 54321));
	}

	@Test
	void takesEachPortFromItsVariable() {

		var ports = StackPorts.fromEnvironment(Map.of("LAZI_GATEWAY_PORT", "18080", "LAZI_ST_INGEST_PORT", "18081",
				"LAZI_PRICEBOOK_PORT", "18082", "LAZI_CRM_PIPELINE_PORT", "18083", "LAZI_IMAGE_PORT", "18084",
				"LAZI_NOTIFICATION_PORT", "18085", "LAZI_ST_SIMULATOR_PORT", "18090", "LAZI_KAFKA_PORT", "19092",
				"LAZI_KAFKA_CONTROLLER_PORT", "19093", "LAZI_DB_PORT", " 15432 "));

		assertThat(ports)
			.isEqualTo(new StackPorts(18080, 18081, 18082, 18083, 18084, 18085, 18090, 19092, 19093, 15432));
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
			.isEqualTo(new DatabaseSettings("jdbc:postgresql://localhost:54321/postgres", "postgres", "postgres", true));
		assertThat(DatabaseSettings.fromEnvironment(Map.of("LAZI_DB_URL", "jdbc:postgresql://db:5432/lazi",
				"LAZI_DB_USER", "lazi", "LAZI_DB_PASSWORD", "pw"), 54321))
			.isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/lazi", "lazi", "pw", false));
	}

	@Test
	void listsOnlyThePortsOfProcessesItStarts() {

		var ports = StackPorts.defaults();

		assertThat(ports.inUse(true)).containsValues(8080, 8081, 8082, 8083, 8084, 8085, 8090, 9092, 9093, 54321);
		assertThat(ports.inUse(false)).doesNotContainValue(54321);
	}

	@Test
	void choosesDistinctFreePortsOutsideTheEphemeralRange() {

		var ports = StackPorts.free();
		var chosen = java.util.List.of(ports.gateway(), ports.stIngest(), ports.pricebook(), ports.crmPipeline(),
				ports.image(), ports.notification(), ports.stSimulator(), ports.kafka(), ports.kafkaController(),
				ports.database());

		assertThat(chosen).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(20_000, 32_767));
	}

	@Test
	void passesEachServiceItsPortsUrlsAndSecret() {

		var ports = StackPorts.fromEnvironment(Map.of("LAZI_KAFKA_PORT", "19092", "LAZI_ST_SIMULATOR_PORT", "18090"));
		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321), "secret",
				new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());

		assertThat(stack.environment(StackService.PRICEBOOK)).containsEntry("SERVER_PORT", "8082")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:54321/postgres")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres");
		assertThat(stack.environment(StackService.ST_INGEST)).containsEntry("LAZI_ST_AUTH_URL", "http://localhost:18090")
			.containsEntry("LAZI_ST_API_URL", "http://localhost:18090");
		assertThat(stack.environment(StackService.ST_SIMULATOR))
			.containsEntry("LAZI_ST_SIMULATOR_CDN_BASE_URL", "http://localhost:18090/cdn");
		assertThat(stack.environment(StackService.GATEWAY)).containsEntry("SERVER_PORT", "8080")
			.containsEntry("LAZI_JWT_SECRET", "secret")
			.containsEntry("LAZI_ST_INGEST_URL", "http://localhost:8081")
			.containsEntry("LAZI_PRICEBOOK_URL", "http://localhost:8082")
			.containsEntry("LAZI_NOTIFICATION_URL", "http://localhost:8085");
	}

	@Test
	void turnsStIngestsScheduledPullsOffOnlyWhenAsked() {

		var ports = StackPorts.fromEnvironment(Map.of());
		var asked = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321), "secret",
				new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of(LocalStack.SCHEDULED_SYNCS, "false"));
		var notAsked = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321),
				"secret", new ProcessSupervisor(Path.of("/nowhere/state.json")), Map.of());

		assertThat(asked.environment(StackService.ST_INGEST)).containsEntry("LAZI_STINGEST_SCHEDULE_ENABLED", "false")
			.containsEntry("LAZI_STINGEST_CRMSCHEDULE_ENABLED", "false");
		assertThat(notAsked.environment(StackService.ST_INGEST)).doesNotContainKeys("LAZI_STINGEST_SCHEDULE_ENABLED",
				"LAZI_STINGEST_CRMSCHEDULE_ENABLED");
	}

	@Test
	void pointsImageServiceAtStIngestAndAllowsOnlyTheSimulatorsCdnOnLoopback() {

		var ports = StackPorts.fromEnvironment(Map.of("LAZI_ST_SIMULATOR_PORT", "18090", "LAZI_IMAGE_PORT", "18084"));
		var stack = new LocalStack(StackLayout.of(Path.of("/repo")), ports, DatabaseSettings.embedded(54321), "secret",
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
				DatabaseSettings.embedded(54321), "secret", new ProcessSupervisor(Path.of("/nowhere/state.json")),
				Map.of("LAZI_ST_AUTH_URL", "https://auth-integration.servicetitan.io", "LAZI_ST_API_URL",
						"https://api-integration.servicetitan.io"));

		assertThat(stack.environment(StackService.ST_INGEST))
			.containsEntry("LAZI_ST_AUTH_URL", "https://auth-integration.servicetitan.io")
			.containsEntry("LAZI_ST_API_URL", "https://api-integration.servicetitan.io");
	}
}
