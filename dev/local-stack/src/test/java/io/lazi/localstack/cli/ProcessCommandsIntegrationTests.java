package io.lazi.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lazi.localstack.process.ControlChannel;
import io.lazi.localstack.process.JavaCommand;
import io.lazi.localstack.process.ProcessSpec;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.Readiness;
import io.lazi.localstack.process.StackLayout;

/**
 * {@code ./lazi kill|stop|start|restart} against a supervisor serving its control channel in this JVM,
 * as a running {@code ./lazi up} does, and {@code ./lazi status} showing the outcome.
 */
class ProcessCommandsIntegrationTests {

	@TempDir
	Path repository;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int lazi(StackLayout layout, String... args) {

		var commandLine = LaziCli.commandLine(new CliContext(layout, Map.of()));
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		return commandLine.execute(args);
	}

	@Test
	void killStopAndStartAnInstanceByItsStatusName() throws Exception {

		var layout = new StackLayout(repository, repository.resolve("run"));
		try (var supervisor = new ProcessSupervisor(layout.stateFile())) {
			var sleep = JavaCommand.mainClass(List.of(System.getProperty("java.class.path")),
					"io.lazi.localstack.process.TestProcesses", List.of("-Xmx32m"), List.of("sleep"));
			var first = supervisor.start(new ProcessSpec("pricebook-service-2", sleep, Map.of(),
					layout.logFile("pricebook-service-2"), 0, Readiness.none()));
			supervisor.superviseRestarts(new ProcessSupervisor.Backoff(Duration.ofMillis(200), Duration.ofSeconds(1),
					Duration.ofMinutes(1)));
			new ControlChannel(layout.controlDirectory())
				.serve((action, name) -> supervisor.control(action, name, Duration.ofSeconds(30)));

			assertThat(lazi(layout, "kill", "pricebook-service#3")).isEqualTo(2);
			assertThat(err.toString()).contains("No process 'pricebook-service#3'").contains("pricebook-service#2");

			assertThat(lazi(layout, "kill", "pricebook-service#2")).as(err.toString()).isZero();
			assertThat(out.toString()).contains("Killed pricebook-service#2 (pid " + first.pid() + ") with SIGKILL");
			var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (supervisor.restarts("pricebook-service-2") == 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			out.getBuffer().setLength(0);
			assertThat(lazi(layout, "status")).isEqualTo(0);
			assertThat(out.toString()).containsPattern("pricebook-service#2 +\\d+ +- +\\S+ +1 +exit 137 \\(SIGKILL\\)");

			assertThat(lazi(layout, "stop", "pricebook-service#2")).as(err.toString()).isZero();
			assertThat(out.toString()).contains("Stopped pricebook-service#2;");
			Thread.sleep(600);
			out.getBuffer().setLength(0);
			assertThat(lazi(layout, "status")).isEqualTo(3);
			assertThat(out.toString()).containsPattern("pricebook-service#2 +\\d+ +- +stopped +1 ");

			assertThat(lazi(layout, "start", "pricebook-service#2")).as(err.toString()).isZero();
			assertThat(supervisor.process("pricebook-service-2").isAlive()).isTrue();
			assertThat(out.toString()).contains("Started pricebook-service#2");
		}
	}

	@Test
	void tellsWhenNoStackRuns() {

		var layout = new StackLayout(repository, repository.resolve("run"));
		assertThat(lazi(layout, "stop", "pricebook-service#2")).isEqualTo(1);
		assertThat(err.toString()).contains("no stack recorded");
	}
}
