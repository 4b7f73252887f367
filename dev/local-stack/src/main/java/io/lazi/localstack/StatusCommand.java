package io.lazi.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;

/**
 * {@code ./lazi status}: each recorded process with its pid, port, health and log file.
 */
final class StatusCommand {

	private StatusCommand() {
	}

	static int run(CliArgs args, StackLayout layout, PrintStream out) throws IOException {

		args.allowOnly();
		var state = StackState.read(layout.stateFile());
		if (state.isEmpty() || state.get().processes().isEmpty()) {
			out.println("No stack recorded in " + layout.runDirectory() + " — run ./lazi up");
			return 1;
		}
		var supervisor = state.get().supervisor();
		var anyLive = state.get().processes().stream().anyMatch(process -> process.live().isPresent());
		out.printf("Run directory %s — %s%n", layout.runDirectory(),
				supervisor.isPresent() ? "running under ./lazi up (pid " + supervisor.get().pid() + ")"
						: anyLive ? "running detached" : "not running");
		out.printf("%-22s %8s %6s  %-12s %s%n", "NAME", "PID", "PORT", "HEALTH", "LOG");
		var running = 0;
		for (var process : state.get().processes()) {
			var live = process.live().isPresent();
			running += live ? 1 : 0;
			out.printf("%-22s %8d %6s  %-12s %s%n", process.name(), process.pid(),
					process.port() > 0 ? String.valueOf(process.port()) : "-", live ? health(process) : "not running",
					process.logFile());
		}
		return running == state.get().processes().size() ? 0 : 3;
	}

	private static String health(StackState.ProcessRecord process) {

		var health = process.health();
		if (health.startsWith("http")) {
			var status = new Readiness.HttpHealth(URI.create(health)).status();
			return status == null ? "DOWN" : status;
		}
		if (health.startsWith("kafka://")) {
			return Readiness.kafka(health.substring("kafka://".length())).check() ? "UP" : "DOWN";
		}
		return process.port() > 0 && Readiness.tcp("localhost", process.port()).check() ? "UP" : "DOWN";
	}
}
