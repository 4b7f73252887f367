package io.lazi.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.Readiness;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.localstack.process.StackState;
import io.lazi.platform.events.KafkaAccess;

/**
 * Starts the real Kafka broker and the embedded PostgreSQL as processes of their own through the
 * supervisor, exactly as {@code ./lazi up} does, on free ports and in a throwaway run directory.
 */
class InfrastructureIntegrationTests {

	private static final Logger LOG = LoggerFactory.getLogger(InfrastructureIntegrationTests.class);

	@TempDir
	Path runDirectory;

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void startsKafkaAndPostgresThatAcceptConnectionsAndStopsThemCleanly() throws Exception {

		var layout = new StackLayout(Path.of("../..").toAbsolutePath(), runDirectory);
		var ports = StackPorts.free();
		var database = DatabaseSettings.embedded(ports.database(), "admin-secret");
		var supervisor = new ProcessSupervisor(layout.stateFile());
		var stack = new LocalStack(layout, ports, database, StackSecrets.readOrCreate(layout.secretsDirectory()), supervisor,
				Map.of());
		try (supervisor) {
			var started = System.nanoTime();
			var kafka = stack.startKafka();
			var postgres = stack.startPostgres().orElseThrow();
			supervisor.awaitReady(List.of(kafka, postgres), Duration.ofSeconds(90), process -> LOG.info(
					"{} ready after {} ms", process.name(), (System.nanoTime() - started) / 1_000_000));

			stack.provisionKafka();
			var operator = new HashMap<String, Object>(
					stack.secrets().kafkaCredentials().clientProperties(KafkaAccess.ADMIN));
			operator.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
			try (var admin = Admin.create(operator)) {
				assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
				// provisioned, as the operator
				assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("st.raw.categories",
						"st.raw.categories-dlt");
			}
			try (var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "admin-secret");
					var result = connection.createStatement().executeQuery("select 1, current_setting('server_version')")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getInt(1)).isEqualTo(1);
				assertThat(result.getString(2)).startsWith("17.");
			}
			// Every login gives its password: the admin's old default and no password at all are refused.
			assertThatExceptionOfType(java.sql.SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres").close())
				.withMessageContaining("password authentication failed");
			assertThatExceptionOfType(java.sql.SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close());
			var state = StackState.read(layout.stateFile()).orElseThrow();
			assertThat(state.processes()).extracting(StackState.ProcessRecord::name).containsExactly("kafka",
					"postgres");
			assertThat(state.processes()).allSatisfy(record -> assertThat(record.live()).isPresent());

			// The fault harness's restarts: a new process on the same data, answering again when they return.
			var restartedKafka = stack.restartKafka(Duration.ofSeconds(60));
			var restartedPostgres = stack.restartPostgres(Duration.ofSeconds(60));
			assertThat(restartedKafka.pid()).isNotEqualTo(kafka.pid());
			assertThat(restartedPostgres.pid()).isNotEqualTo(postgres.pid());
			assertThat(kafka.isAlive()).isFalse();
			try (var admin = Admin.create(operator)) {
				assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("st.raw.categories");
			}
			try (var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "admin-secret")) {
				assertThat(connection.isValid(5)).isTrue();
			}
			state = StackState.read(layout.stateFile()).orElseThrow();

			var stopping = System.nanoTime();
			supervisor.stopAll(Duration.ofSeconds(20));
			LOG.info("Stopped both after {} ms", (System.nanoTime() - stopping) / 1_000_000);
			assertThat(restartedKafka.isAlive()).isFalse();
			assertThat(restartedPostgres.isAlive()).isFalse();
			assertThat(state.processes()).allSatisfy(record -> assertThat(record.live()).isEmpty());
			assertThat(Readiness.tcp("localhost", ports.database()).check())
				.as("PostgreSQL's port, held by %s", io.lazi.localstack.process.PortProbe.holder(ports.database()))
				.isFalse();
			assertThat(Readiness.tcp("localhost", ports.kafka()).check()).isFalse();
			assertThat(layout.logFile("kafka")).content().contains("Kafka Server started");
		}
	}
}
