package io.lazi.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor with real child JVMs: restarts with back-off, stop/start/kill/freeze, readiness that
 * asks the started process and not whoever answers on its port, and children that end with their parent.
 */
class ProcessSupervisionIntegrationTests {

	private static final ProcessSupervisor.Backoff QUICK = new ProcessSupervisor.Backoff(Duration.ofMillis(200),
			Duration.ofMillis(800), Duration.ofMinutes(1));

	@TempDir
	Path directory;

	@Test
	void restartsAKilledProcessWithBackoffAndRecordsWhyItEnded() throws Exception {

		var stateFile = directory.resolve("state.json");
		try (var supervisor = new ProcessSupervisor(stateFile)) {
			var first = supervisor.start(TestProcesses.spec("sleeper", directory, Readiness.none(), "sleep"));
			supervisor.superviseRestarts(QUICK);

			supervisor.kill("sleeper");
			var second = awaitRestart(supervisor, "sleeper", first);

			assertThat(supervisor.restarts("sleeper")).isEqualTo(1);
			assertThat(supervisor.lastExit("sleeper").orElseThrow().describe()).isEqualTo("exit 137 (SIGKILL)");
			var record = StackState.read(stateFile).orElseThrow().process("sleeper").orElseThrow();
			assertThat(record.pid()).isEqualTo(second.pid());
			assertThat(record.restarts()).isEqualTo(1);
			assertThat(record.lastExit()).startsWith("exit 137 (SIGKILL) at ");

			// A second quick crash waits twice as long: 400 ms, not 200.
			supervisor.kill("sleeper");
			var killedAt = System.nanoTime();
			awaitRestart(supervisor, "sleeper", second);
			assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
			assertThat(supervisor.restarts("sleeper")).isEqualTo(2);
		}
	}

	@Test
	void aStoppedProcessStaysDownUntilStartedAndAFrozenOneRunsNoCode() throws Exception {

		try (var supervisor = new ProcessSupervisor(directory.resolve("state.json"))) {
			var first = supervisor.start(TestProcesses.spec("sleeper", directory, Readiness.none(), "sleep"));
			supervisor.superviseRestarts(QUICK);

			supervisor.freeze("sleeper");
			assertThat(awaitFrozen(first.pid(), true)).as("stopped by SIGSTOP").isTrue();
			supervisor.resume("sleeper");
			assertThat(awaitFrozen(first.pid(), false)).as("running after SIGCONT").isTrue();

			assertThat(supervisor.stop("sleeper", Duration.ofSeconds(5))).isTrue();
			Thread.sleep(1000);
			assertThat(supervisor.process("sleeper").isAlive()).isFalse();
			assertThat(supervisor.restarts("sleeper")).isZero();
			assertThat(StackState.read(directory.resolve("state.json")).orElseThrow().process("sleeper").orElseThrow()
				.stopped()).isTrue();

			var started = supervisor.startAgain("sleeper");
			assertThat(started.pid()).isNotEqualTo(first.pid());
			assertThat(started.isAlive()).isTrue();
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> supervisor.kill("nobody"))
				.withMessageContaining("sleeper");
		}
	}

	@Test
	void readinessIsTheStartedProcessAnsweringNotAnyHealthOnItsPort() throws Exception {

		var port = StackPorts.freeHttpPort();
		var foreign = TestProcesses.healthServer(port);
		try (var supervisor = new ProcessSupervisor(directory.resolve("state.json"))) {
			var health = Readiness.httpHealth("http://localhost:" + port + "/actuator/health");
			var silent = supervisor.start(TestProcesses.spec("silent", directory, health, "sleep"));

			assertThatExceptionOfType(StartupException.class)
				.isThrownBy(() -> supervisor.awaitReady(silent, Duration.ofSeconds(2)))
				.withMessageContaining("was not ready");
		}
		finally {
			foreign.stop(0);
		}
		try (var supervisor = new ProcessSupervisor(directory.resolve("state2.json"))) {
			var health = Readiness.httpHealth("http://localhost:" + port + "/actuator/health");
			var answering = supervisor.start(TestProcesses.spec("answering", directory, health, "health", String.valueOf(port)));

			supervisor.awaitReady(answering, Duration.ofSeconds(30));
		}
	}

	@Test
	void whatAProcessStartsEndsWhenItIsKilled() throws Exception {

		var host = new ProcessBuilder(TestProcesses.command("supervise", directory.resolve("state.json").toString()))
			.redirectError(directory.resolve("host.log").toFile())
			.start();
		try (var reader = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
			var line = reader.readLine();
			assertThat(line).as("the host's first line (see host.log)").startsWith("grandchild ");
			var grandchild = ProcessHandle.of(Long.parseLong(line.substring("grandchild ".length()))).orElseThrow();

			host.destroyForcibly();

			var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (ProcessSupervisor.isRunning(grandchild) && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			var running = ProcessSupervisor.isRunning(grandchild);
			grandchild.destroyForcibly();
			assertThat(running).as("the grandchild 5 s after its parent was killed runs").isFalse();
		}
		finally {
			host.destroyForcibly();
		}
	}

	private static ManagedProcess awaitRestart(ProcessSupervisor supervisor, String name, ManagedProcess before)
			throws InterruptedException {

		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			var now = supervisor.process(name);
			if (now.pid() != before.pid() && now.isAlive()) {
				return now;
			}
			Thread.sleep(50);
		}
		throw new AssertionError(name + " was not restarted within 10 s");
	}

	/** Whether the process reaches the state asked for (T: stopped by a signal) within 2 s. */
	private static boolean awaitFrozen(long pid, boolean frozen) throws Exception {

		for (var i = 0; i < 40; i++) {
			var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			var stopped = stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("T");
			if (stopped == frozen) {
				return true;
			}
			Thread.sleep(50);
		}
		return false;
	}
}
