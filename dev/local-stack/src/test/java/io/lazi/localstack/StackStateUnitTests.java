package io.lazi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateUnitTests {

	@TempDir
	Path directory;

	@Test
	void roundTripsThroughTheStateFile() throws Exception {

		var state = new StackState(42, "2026-01-02T03:04:05Z", true,
				List.of(new StackState.ProcessRecord("kafka", 43, "2026-01-02T03:04:06Z", 9092, "kafka://localhost:9092",
						"/run/logs/kafka.log")));
		var file = directory.resolve("run/state.json");

		state.write(file);

		assertThat(StackState.read(file)).contains(state);
		assertThat(StackState.read(directory.resolve("missing.json"))).isEmpty();
	}

	@Test
	void recordsEveryStartedProcessAndTellsItFromARecycledPid() throws Exception {

		var file = directory.resolve("state.json");
		try (var supervisor = new ProcessSupervisor(file)) {
			var sleeper = supervisor.start(new ProcessSpec("sleeper", List.of("sleep", "30"), Map.of(),
					directory.resolve("logs/sleeper.log"), 0, Readiness.none()));

			var record = StackState.read(file).orElseThrow().processes().getFirst();
			assertThat(record.name()).isEqualTo("sleeper");
			assertThat(record.pid()).isEqualTo(sleeper.pid());
			assertThat(record.logFile()).isEqualTo(directory.resolve("logs/sleeper.log").toString());
			assertThat(record.live()).isPresent();
			assertThat(new StackState.ProcessRecord("sleeper", sleeper.pid(), "2000-01-01T00:00:00Z", 0, "-", "-").live())
				.isEmpty();
			assertThat(StackState.read(file).orElseThrow().supervisor()).isPresent();

			supervisor.stopAll(Duration.ofSeconds(5));

			assertThat(sleeper.isAlive()).isFalse();
			assertThat(record.live()).isEmpty();
		}
	}

	@Test
	void keepsTheSecretReadableByItsOwnerOnly() throws Exception {

		var file = directory.resolve("run/jwt-secret");

		var secret = SecretFile.readOrCreate(file);

		assertThat(SecretFile.readOrCreate(file)).isEqualTo(secret);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void parsesDurationsAndOptions() {

		assertThat(CliArgs.duration("8h")).isEqualTo(Duration.ofHours(8));
		assertThat(CliArgs.duration("30m")).isEqualTo(Duration.ofMinutes(30));
		assertThat(CliArgs.duration("PT2H")).isEqualTo(Duration.ofHours(2));
		var args = CliArgs.parse("token", "--tenant", "1,2", "--roles=ADMIN", "--roles", "VIEWER", "--ttl", "1d");
		assertThat(args.values("tenant", List.of())).containsExactly("1", "2");
		assertThat(args.values("roles", List.of())).containsExactly("ADMIN", "VIEWER");
		assertThat(CliArgs.duration(args.value("ttl", "8h"))).isEqualTo(Duration.ofDays(1));
		assertThat(CliArgs.parse("up", "--detach").flag("detach")).isTrue();
	}
}
