package io.lazi.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./lazi up [--detach]}: starts the stack, runs a full pricebook sync of the reference tenant
 * through the gateway, prints a summary, then stays up until Ctrl-C (or returns, leaving everything
 * running, with {@code --detach}). On any failure it stops what it started.
 */
final class UpCommand {

	private final StackLayout layout;

	private final Map<String, String> env;

	private final PrintStream out;

	private final PrintStream err;

	private volatile boolean stopping;

	UpCommand(StackLayout layout, Map<String, String> env, PrintStream out, PrintStream err) {

		this.layout = layout;
		this.env = env;
		this.out = out;
		this.err = err;
	}

	int run(CliArgs args) throws IOException, InterruptedException {

		args.allowOnly("detach");
		var began = System.nanoTime();
		if (alreadyRunning()) {
			return 1;
		}
		var ports = StackPorts.fromEnvironment(env);
		var database = DatabaseSettings.fromEnvironment(env, ports.database());
		if (!jarsPresent() || !portsFree(ports, database)) {
			return 1;
		}
		var secret = SecretFile.readOrCreate(layout.secretFile());
		clearLogs();
		var supervisor = new ProcessSupervisor(layout.stateFile());
		var stack = new LocalStack(layout, ports, database, secret, supervisor, env);
		var hook = new Thread(() -> stop(supervisor), "lazi-stop");
		Runtime.getRuntime().addShutdownHook(hook);

		out.printf("Starting Kafka, %s, the ServiceTitan simulator and %s (logs in %s)%n",
				database.embedded() ? "PostgreSQL" : "(using the PostgreSQL at LAZI_DB_URL)",
				LocalStack.SERVICES.stream().map(StackService::module).collect(Collectors.joining(", ")),
				layout.runDirectory().resolve("logs"));
		var tenant = env.getOrDefault("LAZI_ST_TENANT_ID", LocalStack.REFERENCE_TENANT);
		try {
			var timeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault("LAZI_START_TIMEOUT", "240")));
			stack.start(timeout, process -> out.printf("  %-22s ready after %s%n", process.name(), since(began)));
			var readyAfter = Duration.ofNanos(System.nanoTime() - began);
			out.printf("Syncing the pricebook of tenant %s through the gateway…%n", tenant);
			var token = DevTokens.mint(secret, "lazi-cli", List.of(tenant), List.of("ADMIN"), Duration.ofHours(1));
			var gateway = new GatewayCalls(StackService.GATEWAY.baseUrl(ports), token, tenant);
			var syncTimeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault("LAZI_SYNC_TIMEOUT", "600")));
			var sync = new PricebookSync(gateway, syncTimeout).run();
			out.printf("Syncing the CRM pipelines of tenant %s through the gateway…%n", tenant);
			var crm = new CrmSync(gateway, syncTimeout).run();
			var skus = SkuCounts.describe(gateway, Duration.ofSeconds(60));
			new Summary(stack, tenant, readyAfter, sync, crm, skus).print(out, supervisor.processes());
		}
		catch (StartupException ex) {
			err.println();
			err.println("Lazi did not start: " + ex.getMessage());
			tail(ex.logFile(), 25);
			return 1;
		}
		catch (IllegalStateException ex) {
			err.println();
			err.println("Lazi did not start: " + ex.getMessage());
			return 1;
		}
		catch (SyncException ex) {
			err.println();
			err.println("Lazi started, but a sync did not complete: " + ex.getMessage());
			err.println("See " + layout.logFile(StackService.ST_INGEST.module()) + ", "
					+ layout.logFile(StackService.PRICEBOOK.module()) + ", "
					+ layout.logFile(StackService.CRM_PIPELINE.module()) + " and "
					+ layout.logFile(StackService.GATEWAY.module()));
			return 1;
		}
		if (args.flag("detach")) {
			supervisor.detach();
			out.println();
			out.println("Detached: everything keeps running. ./lazi status shows it, ./lazi down stops it.");
			return 0;
		}
		out.println();
		out.println("Press Ctrl-C to stop everything (or run ./lazi down elsewhere).");
		watch(supervisor);
		return 0;
	}

	private boolean alreadyRunning() throws IOException {

		var state = StackState.read(layout.stateFile());
		if (state.isEmpty()) {
			return false;
		}
		var live = state.get().processes().stream().filter(p -> p.live().isPresent()).toList();
		if (state.get().supervisor().isEmpty() && live.isEmpty()) {
			return false;
		}
		err.printf("Lazi is already running from %s (%s).%n", layout.runDirectory(),
				state.get().supervisor().map(s -> "./lazi up is pid " + s.pid())
					.orElse(live.size() + " detached processes"));
		err.println("See ./lazi status, or stop it with ./lazi down.");
		return true;
	}

	private boolean jarsPresent() {

		var missing = new ArrayList<String>();
		for (var service : StackService.values()) {
			if (!Files.isRegularFile(layout.moduleJar(service.module()))) {
				missing.add(layout.moduleJar(service.module()).toString());
			}
		}
		if (!Files.isDirectory(layout.infrastructureLib())) {
			missing.add(layout.infrastructureLib().toString());
		}
		if (!missing.isEmpty()) {
			err.println("Missing build output (build with ./mvnw -DskipTests install, or use ./lazi up):");
			missing.forEach(path -> err.println("  " + path));
		}
		return missing.isEmpty();
	}

	private boolean portsFree(StackPorts ports, DatabaseSettings database) {

		var seen = new HashSet<Integer>();
		var problems = new ArrayList<String>();
		ports.inUse(database.embedded()).forEach((name, port) -> {
			if (!seen.add(port)) {
				problems.add("port " + port + " is configured twice (" + name + ")");
			}
			else if (!PortProbe.isFree(port)) {
				problems.add("port " + port + " (" + name + ") is in use"
						+ PortProbe.holder(port).map(holder -> " by " + holder).orElse(""));
			}
		});
		if (!problems.isEmpty()) {
			err.println("Cannot start Lazi:");
			problems.forEach(problem -> err.println("  " + problem));
			err.println("Stop what holds them (./lazi down stops what an earlier ./lazi up left behind), or choose other");
			err.println("ports: LAZI_GATEWAY_PORT, LAZI_KAFKA_PORT, LAZI_DB_PORT, … (see README.md).");
		}
		return problems.isEmpty();
	}

	private void clearLogs() throws IOException {

		var logs = layout.runDirectory().resolve("logs");
		if (Files.isDirectory(logs)) {
			try (var files = Files.list(logs)) {
				for (var file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private void stop(ProcessSupervisor supervisor) {

		stopping = true;
		var running = supervisor.processes().reversed().stream().filter(ManagedProcess::isAlive).toList();
		if (running.isEmpty() || supervisor.isDetached()) {
			return;
		}
		out.println();
		out.println("Stopping " + running.stream().map(ManagedProcess::name).collect(Collectors.joining(", ")) + "…");
		supervisor.close();
		out.println("Stopped.");
	}

	private void watch(ProcessSupervisor supervisor) throws InterruptedException {

		var reported = new HashSet<String>();
		while (true) {
			for (var process : supervisor.processes()) {
				if (!process.isAlive() && !stopping && reported.add(process.name())) {
					err.printf("%s (pid %d) exited with code %d; see %s%n", process.name(), process.pid(),
							process.process().exitValue(), process.logFile());
				}
			}
			Thread.sleep(Duration.ofSeconds(2));
		}
	}

	private void tail(java.nio.file.Path logFile, int lines) {

		try {
			var all = Files.readAllLines(logFile);
			err.println("Last lines of " + logFile + ":");
			all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> err.println("  | " + line));
		}
		catch (IOException | RuntimeException ex) {
			// no log to show
		}
	}

	private static String since(long began) {
		return Summary.seconds(Duration.ofNanos(System.nanoTime() - began));
	}
}
