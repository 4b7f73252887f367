package io.lazi.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
			// A wall clock stepped since the start shifts the instant the OS reports, not the start ticks.
			assertThat(new StackState.ProcessRecord("sleeper", sleeper.pid(), "2000-01-01T00:00:00Z", 0, "-", "-", 0, null,
					false, record.startTicks()).live()).isPresent();
			assertThat(record.startTicks()).isPositive();

			supervisor.stopAll(Duration.ofSeconds(5));

			assertThat(sleeper.isAlive()).isFalse();
			assertThat(record.live()).isEmpty();
		}
	}
}
