package io.lazi.localstack.cli;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.lazi.localstack.infra.KafkaCredentials;
import io.lazi.localstack.process.Readiness;
import io.lazi.localstack.process.StackState;
import io.lazi.platform.events.KafkaAccess;
import picocli.CommandLine.Command;

/**
 * {@code ./lazi status}: each recorded process with its name ({@link ProcessNames}), pid, port, health,
 * restarts, last exit reason and log file; 0 when all run, 3 when some do not, 1 when none was recorded.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Each process: name (SERVICE#N), pid, port, health (UP/DOWN/stopped/restarting/not running), "
				+ "restarts by ./lazi up, last exit reason (exit code, signal, OutOfMemoryError), log file." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every process runs", "1:no stack recorded", "3:not every process runs" })
final class StatusCommand extends StackCommand {

	@Override
	public Integer call() throws IOException {

		var layout = context().layout();
		var out = out();
		var state = context().recordedStack();
		if (state.isEmpty() || state.get().processes().isEmpty()) {
			out.println("No stack recorded in " + layout.runDirectory() + " — run ./lazi up");
			return 1;
		}
		var supervisor = state.get().supervisor();
		var anyLive = state.get().processes().stream().anyMatch(process -> process.live().isPresent());
		out.printf("Run directory %s — %s%n", layout.runDirectory(),
				supervisor.isPresent() ? "running under ./lazi up (pid " + supervisor.get().pid() + ")"
						: anyLive ? "running detached" : "not running");
		out.printf("%-22s %8s %6s  %-11s %8s  %-28s %s%n", "NAME", "PID", "PORT", "HEALTH", "RESTARTS", "LAST EXIT", "LOG");
		// The broker takes authenticated clients only: ask it as the operator.
		var kafkaAdmin = KafkaCredentials.read(layout.secretsDirectory())
			.map(credentials -> credentials.clientProperties(KafkaAccess.ADMIN))
			.orElse(Map.of());
		var running = 0;
		for (var process : state.get().processes()) {
			var live = process.live().isPresent();
			running += live ? 1 : 0;
			var down = process.stopped() ? "stopped" : supervisor.isPresent() ? "restarting" : "not running";
			out.printf("%-22s %8d %6s  %-11s %8d  %-28s %s%n", ProcessNames.display(process.name()), process.pid(),
					process.port() > 0 ? String.valueOf(process.port()) : "-", live ? health(process, kafkaAdmin) : down,
					process.restarts(), lastExit(process.lastExit()), process.logFile());
		}
		return running == state.get().processes().size() ? 0 : 3;
	}

	/** {@code exit 137 (SIGKILL) 10:31:02}: the reason and the time of day (UTC) it was noticed. */
	private static String lastExit(String recorded) {

		if (recorded == null) {
			return "-";
		}
		var at = recorded.lastIndexOf(" at ");
		if (at < 0) {
			return recorded;
		}
		var time = recorded.substring(at + 4);
		var clock = time.indexOf('T') >= 0 ? time.substring(time.indexOf('T') + 1, Math.min(time.length(), time.indexOf('T') + 9))
				: time;
		return recorded.substring(0, at) + " " + clock;
	}

	private String health(StackState.ProcessRecord process, Map<String, Object> kafkaAdmin) {

		var health = process.health();
		if (health.startsWith("http")) {
			var status = new Readiness.HttpHealth(URI.create(health)).status();
			return status == null ? "DOWN" : status;
		}
		if (health.startsWith("kafka://")) {
			return Readiness.kafka(health.substring("kafka://".length()), kafkaAdmin).check() ? "UP" : "DOWN";
		}
		return process.port() > 0 && Readiness.tcp("localhost", process.port()).check() ? "UP" : "DOWN";
	}
}
