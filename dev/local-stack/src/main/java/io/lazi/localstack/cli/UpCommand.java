package io.lazi.localstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import io.lazi.localstack.JvmSettings;
import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackInstances;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DatabaseRole;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.IdentityProviderClient;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.ControlChannel;
import io.lazi.localstack.process.Elapsed;
import io.lazi.localstack.process.JavaCommand;
import io.lazi.localstack.process.ManagedProcess;
import io.lazi.localstack.process.PortProbe;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackPorts;
import io.lazi.localstack.process.StartupException;
import io.lazi.localstack.scenario.SyncException;
import io.lazi.localstack.scenario.SyncScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code ./lazi up [--detach] [--replicas N] [--jvm startup|production]}: starts the stack ({@code N} instances of each service, see
 * {@link StackInstances#offset}), runs the {@link SyncScenario} of its tenant
 * ({@code LAZI_ST_TENANT_ID}, else the reference tenant), then stays up until Ctrl-C, supervising what it
 * started: a process that ends is restarted with back-off ({@link ProcessSupervisor#superviseRestarts()}),
 * and {@code ./lazi kill|stop|start|restart} reach it through its {@link ControlChannel}. With
 * {@code --detach} the same runs in the background (its own session, output in {@code <run>/up.log},
 * followed here until ready) and this command returns. On any failure it stops what it started.
 * Every process it starts ends with it ({@link io.lazi.localstack.process.ParentWatchdog}).
 * {@code LAZI_START_TIMEOUT} and {@code LAZI_SYNC_TIMEOUT} (seconds, default 240 and 600) bound the waits.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
		description = { "Start the identity provider, Kafka, PostgreSQL, the ServiceTitan simulator and every "
				+ "service, sync the pricebook and CRM pipelines of tenant " + LocalStack.REFERENCE_TENANT + " (or LAZI_ST_TENANT_ID) through "
				+ "the gateway and print a summary.", "Stays in the foreground until Ctrl-C unless --detach." })
final class UpCommand extends StackCommand {

	@Option(names = "--detach", description = "Return once ready and synced, leaving everything running, supervised "
			+ "by a ./lazi up in the background (its output in the run directory's up.log).")
	boolean detach;

	/** The {@code ./lazi up} that {@code --detach} starts in the background. */
	@Option(names = "--background", hidden = true)
	boolean background;

	/** What the background {@code ./lazi up} prints once ready, for {@code --detach} to stop following. */
	static final String BACKGROUND_READY = "Supervising in the background as pid ";

	int replicas = 1;

	/** {@code --jvm}, when given. */
	JvmSettings jvm;

	@Option(names = "--jvm", paramLabel = "SETTINGS", description = { "JVM options of the services: startup "
			+ "(default; C1 only, serial GC, 384 MB heap: a quick start) or production (the Helm charts' options "
			+ "against each service's memory limit: full JIT, the collector and heap a pod of that size gets; "
			+ "for benchmarks). Default: LAZI_JVM, else startup." })
	void jvm(String value) {

		try {
			jvm = JvmSettings.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec().commandLine(), "Invalid value for option '--jvm': startup or production");
		}
	}

	/** Validated as it is parsed, so that a bad value is bad usage (exit 2) before anything starts. */
	@Option(names = "--replicas", paramLabel = "N", defaultValue = "1",
			description = { "Instances of each service (st-ingest, pricebook, crm-pipeline, field, notification, image, gateway), "
					+ "1 to " + StackInstances.MAX_REPLICAS + ". Instance n listens on the service's port + "
					+ StackInstances.PORT_STEP + "·(n-1) (gateway 8080, 9080, …); the gateway balances over the "
					+ "instances. The identity provider, simulator, Kafka and PostgreSQL run once." })
	void replicas(int value) {

		try {
			StackInstances.checkReplicas(value);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec().commandLine(), "Invalid value for option '--replicas': " + ex.getMessage());
		}
		replicas = value;
	}

	@Override
	public Integer call() throws IOException, InterruptedException {

		var out = out();
		var err = err();
		var layout = context().layout();
		var began = System.nanoTime();
		if (alreadyRunning()) {
			return 1;
		}
		if (detach) {
			return detachToBackground();
		}
		var ports = context().ports();
		var instances = StackInstances.offset(ports, replicas);
		var database = DatabaseSettings.fromEnvironment(context().env(), ports.database());
		if (!jarsPresent() || !portsFree(ports, instances, database)) {
			return 1;
		}
		var secrets = StackSecrets.readOrCreate(layout.secretsDirectory());
		database = database.withEmbeddedAdminPassword(secrets.databaseAdminPassword());
		clearLogs();
		var supervisor = new ProcessSupervisor(layout.stateFile());
		var env = new HashMap<>(context().env());
		var settings = jvm != null ? jvm : JvmSettings.of(env.get(JvmSettings.VARIABLE));
		env.put(JvmSettings.VARIABLE, settings.toString());
		var stack = new LocalStack(layout, instances, ports, database, "", secrets, supervisor, env);
		var hook = new Thread(() -> stop(supervisor), "lazi-stop");
		Runtime.getRuntime().addShutdownHook(hook);

		out.printf("Starting the identity provider, Kafka, %s, the ServiceTitan simulator and %s%s (logs in %s)%n",
				database.embedded() ? "PostgreSQL" : "(using the PostgreSQL at LAZI_DB_URL)",
				LocalStack.SERVICES.stream().map(StackService::module).collect(Collectors.joining(", ")),
				replicas == 1 ? "" : ", " + replicas + " instances of each", context().layout().runDirectory().resolve("logs"));
		out.printf("Services run with the %s JVM options (--jvm)%n", settings);
		if (replicas > 1) {
			printInstances(instances);
		}
		out.printf("Identity provider %s; users <role>@<tenant>, their password in %s%n", stack.issuer(),
				secrets.usersPasswordFile());
		out.printf("Each service connects to PostgreSQL as its own role (%s), the passwords of those the stack creates in %s%n",
				DatabaseRole.ALL.stream().map(DatabaseRole::name).collect(Collectors.joining(", ")), secrets.directory());
		try {
			stack.start(context().seconds("LAZI_START_TIMEOUT", 240),
					process -> out.printf("  %-22s ready after %s%n", process.name(), Elapsed.since(began)));
			var readyAfter = Duration.ofNanos(System.nanoTime() - began);
			new SyncScenario(stack, context().stackTenant(), context().seconds("LAZI_SYNC_TIMEOUT", 600))
				.run(readyAfter, supervisor.processes(), out);
		}
		catch (StartupException ex) {
			err.println();
			err.println("Lazi did not start: " + ex.getMessage());
			tail(ex.logFile(), 25);
			return 1;
		}
		catch (IdentityProviderClient.TokenRequestException ex) {
			err.println();
			err.println("Lazi started, but no token for the sync: " + ex.getMessage());
			err.println("See " + layout.logFile(StackService.IDENTITY_PROVIDER.module()));
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
		supervisor.onEvent(err::println);
		supervisor.superviseRestarts();
		var startTimeout = context().seconds("LAZI_START_TIMEOUT", 240);
		new ControlChannel(layout.controlDirectory())
			.serve((action, name) -> supervisor.control(action, name, startTimeout));
		out.println();
		if (background) {
			out.println(BACKGROUND_READY + ProcessHandle.current().pid()
					+ ": ./lazi status shows it, ./lazi down stops it.");
		}
		else {
			out.println("Supervising: a process that ends is restarted (./lazi status shows restarts; ./lazi stop keeps one down).");
			out.println("Press Ctrl-C to stop everything (or run ./lazi down elsewhere).");
		}
		new java.util.concurrent.CountDownLatch(1).await();
		return 0;
	}

	/**
	 * Starts this command without {@code --detach} as a background process of its own session (stdin
	 * {@code /dev/null}, output appended to {@code <run>/up.log}) and follows its output here until it
	 * is ready (0) or ends (1). A Ctrl-C meanwhile stops it, and with it what it started.
	 */
	private int detachToBackground() throws IOException, InterruptedException {

		var layout = context().layout();
		var log = layout.runDirectory().resolve("up.log");
		Files.createDirectories(layout.runDirectory());
		Files.deleteIfExists(log);
		Files.createFile(log);
		var command = new ArrayList<String>();
		List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))
			.stream()
			.filter(Files::isExecutable)
			.findFirst()
			.ifPresent(setsid -> command.add(setsid.toString()));
		command.addAll(JavaCommand.mainClass(List.of(System.getProperty("java.class.path")), LaziCli.class.getName(),
				List.of("-Dlazi.home=" + layout.repository(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
				jvm == null ? List.of("up", "--background", "--replicas", String.valueOf(replicas))
						: List.of("up", "--background", "--replicas", String.valueOf(replicas), "--jvm", jvm.toString())));
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().putAll(context().env());
		builder.environment().put("LAZI_RUN_DIR", layout.runDirectory().toString());
		var daemon = builder.start();
		var ready = new java.util.concurrent.atomic.AtomicBoolean();
		var hook = new Thread(() -> {
			if (!ready.get() && daemon.isAlive()) {
				daemon.destroy();
				try {
					daemon.waitFor();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}, "lazi-stop-background");
		Runtime.getRuntime().addShutdownHook(hook);
		try (var reader = Files.newBufferedReader(log)) {
			while (true) {
				var line = reader.readLine();
				if (line == null) {
					if (!daemon.isAlive()) {
						reader.lines().forEach(out()::println);
						err().printf("lazi: the background ./lazi up ended with code %d; its output is in %s%n",
								daemon.exitValue(), log);
						return 1;
					}
					Thread.sleep(200);
					continue;
				}
				if (line.startsWith(BACKGROUND_READY)) {
					ready.set(true);
					out().println("Detached: everything keeps running, supervised by ./lazi up (pid " + daemon.pid()
							+ "; its output in " + log + ").");
					out().println("./lazi status shows it, ./lazi kill|stop|start|restart act on it, ./lazi down stops it.");
					return 0;
				}
				out().println(line);
			}
		}
		finally {
			if (ready.get()) {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
		}
	}

	private boolean alreadyRunning() throws IOException {

		var state = context().recordedStack();
		if (state.isEmpty()) {
			return false;
		}
		var live = state.get().processes().stream().filter(p -> p.live().isPresent()).toList();
		if (state.get().supervisor().isEmpty() && live.isEmpty()) {
			return false;
		}
		err().printf("Lazi is already running from %s (%s).%n", context().layout().runDirectory(),
				state.get().supervisor().map(s -> "./lazi up is pid " + s.pid())
					.orElse(live.size() + " detached processes"));
		err().println("See ./lazi status, or stop it with ./lazi down.");
		return true;
	}

	private boolean jarsPresent() {

		var missing = new ArrayList<String>();
		for (var service : StackService.values()) {
			if (!Files.isRegularFile(context().layout().moduleJar(service.directory()))) {
				missing.add(context().layout().moduleJar(service.directory()).toString());
			}
		}
		if (!Files.isDirectory(context().layout().infrastructureLib())) {
			missing.add(context().layout().infrastructureLib().toString());
		}
		if (!missing.isEmpty()) {
			err().println("Missing build output (build with ./mvnw -DskipTests install, or use ./lazi up):");
			missing.forEach(path -> err().println("  " + path));
		}
		return missing.isEmpty();
	}

	/** Where each instance listens: its port and management port, the gateways' first. */
	private void printInstances(StackInstances instances) {

		out().println("Instances (port, management port):");
		var services = new ArrayList<>(LocalStack.SERVICES);
		services.remove(StackService.GATEWAY);
		services.addFirst(StackService.GATEWAY);
		for (var service : services) {
			out().printf("  %-22s %s%n", service.module(), instances.of(service).stream()
				.map(instance -> "#" + instance.number() + " " + instance.port() + "/" + instance.managementPort())
				.collect(Collectors.joining(", ")));
		}
	}

	private boolean portsFree(StackPorts ports, StackInstances instances, DatabaseSettings database) {

		var seen = new HashSet<Integer>();
		var problems = new ArrayList<String>();
		var all = new LinkedHashMap<>(ports.inUse(database.embedded()));
		all.putAll(instances.additionalPorts());
		all.forEach((name, port) -> {
			if (!seen.add(port)) {
				problems.add("port " + port + " is configured twice (" + name + ")");
			}
			else if (!PortProbe.isFree(port)) {
				problems.add("port " + port + " (" + name + ") is in use"
						+ PortProbe.holder(port).map(holder -> " by " + holder).orElse(""));
			}
		});
		if (!problems.isEmpty()) {
			err().println("Cannot start Lazi:");
			problems.forEach(problem -> err().println("  " + problem));
			err().println("Stop what holds them (./lazi down stops what an earlier ./lazi up left behind), or choose other");
			err().println("ports: LAZI_GATEWAY_PORT, LAZI_KAFKA_PORT, LAZI_DB_PORT, … (see README.md).");
		}
		return problems.isEmpty();
	}

	private void clearLogs() throws IOException {

		var logs = context().layout().runDirectory().resolve("logs");
		if (Files.isDirectory(logs)) {
			try (var files = Files.list(logs)) {
				for (var file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private void stop(ProcessSupervisor supervisor) {

		var running = supervisor.processes().reversed().stream().filter(ManagedProcess::isAlive).toList();
		if (running.isEmpty()) {
			return;
		}
		out().println();
		out().println("Stopping " + running.stream().map(ManagedProcess::name).collect(Collectors.joining(", ")) + "…");
		supervisor.close();
		out().println("Stopped.");
	}

	private void tail(Path logFile, int lines) {

		try {
			var all = Files.readAllLines(logFile);
			err().println("Last lines of " + logFile + ":");
			all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> err().println("  | " + line));
		}
		catch (IOException | RuntimeException ex) {
			// no log to show
		}
	}
}
