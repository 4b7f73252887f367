package io.lazi.faultharness;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.StackInstances;
import io.lazi.localstack.StackService;
import io.lazi.localstack.infra.DatabaseSettings;
import io.lazi.localstack.infra.IdentityProviderClient;
import io.lazi.localstack.infra.StackSecrets;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.platform.events.KafkaAccess;

/**
 * The stack a fault run needs, started as {@code ./lazi up --replicas 2} starts it (through {@link LocalStack})
 * but with everything its own, Kafka broker and PostgreSQL included, so that the harness may restart them;
 * scheduled syncs off, so that every sync is one the harness triggers and waits for. Stops everything when
 * closed (and, as a backstop, when the JVM exits).
 */
public final class HarnessStack implements AutoCloseable {

	/** Instances of each service. */
	public static final int REPLICAS = 2;

	private final LocalStack stack;

	private final ProcessSupervisor supervisor;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private HarnessStack(LocalStack stack, ProcessSupervisor supervisor) {

		this.stack = stack;
		this.supervisor = supervisor;
	}

	/**
	 * Starts the stack and waits until every process is ready.
	 * @param layout the repository and the run directory (logs, data, secrets)
	 * @param ports the ports; instance 2 of each service on port + {@value StackInstances#PORT_STEP} when
	 * {@code offsetInstances}, else on free ports
	 * @param environment the caller's environment ({@code LAZI_*} settings)
	 */
	public static HarnessStack start(StackLayout layout, StackPorts ports, boolean offsetInstances,
			Map<String, String> environment, PrintStream out) throws IOException {

		var instances = offsetInstances ? StackInstances.offset(ports, REPLICAS) : StackInstances.free(ports, REPLICAS);
		var secrets = StackSecrets.readOrCreate(layout.secretsDirectory());
		var database = DatabaseSettings.embedded(ports.database(), secrets.databaseAdminPassword());
		var supervisor = new ProcessSupervisor(layout.stateFile());
		// As ./lazi up and Kubernetes: what dies is started again with back-off (a killed instance, the broker).
		supervisor.superviseRestarts();
		var env = new HashMap<>(environment);
		env.put(LocalStack.SCHEDULED_SYNCS, "false");
		var stack = new LocalStack(layout, instances, ports, database, "", secrets, supervisor, env);
		var harness = new HarnessStack(stack, supervisor);
		Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "fault-harness-stop"));
		var began = System.nanoTime();
		try {
			stack.start(Duration.ofMinutes(4), process -> out.printf("  %-26s ready after %d s%n", process.name(),
					Duration.ofNanos(System.nanoTime() - began).toSeconds()));
		}
		catch (RuntimeException ex) {
			supervisor.close();
			throw ex;
		}
		return harness;
	}

	/** What a {@link ChaosRun} needs to reach this stack. */
	public ChaosRun.Target target() {

		var gateways = stack.instances().of(StackService.GATEWAY).stream().map(i -> i.baseUrl()).toList();
		return new ChaosRun.Target(gateways, StackService.ST_SIMULATOR.baseUrl(stack.ports()), stack.kafkaBootstrapServers(),
				stack.secrets().kafkaCredentials().clientProperties(KafkaAccess.ADMIN), this::token, this::token,
				new ProcessFaults(stack, supervisor, Duration.ofMinutes(3)));
	}

	/** An ADMIN token of both harness tenants for the user {@code fault-harness}. */
	private String token() {
		return token("fault-harness");
	}

	/**
	 * An ADMIN token of both harness tenants for {@code user}, renewed after 20 minutes (tokens live an hour). The
	 * identity provider is not under fault but can be slow on a loaded machine: a renewal that fails keeps the held
	 * token while it has ten minutes left, and a first request is tried three times.
	 */
	private String token(String user) {

		var now = Instant.now();
		return tokens.compute(user, (name, held) -> {
			if (held != null && now.isBefore(held.issued().plus(Duration.ofMinutes(20)))) {
				return held;
			}
			for (int attempt = 1;; attempt++) {
				try {
					return new Token(stack.identityProvider().userToken(name,
							List.of(ChaosRun.PRICEBOOK_TENANT, ChaosRun.CRM_TENANT), List.of("ADMIN"), Duration.ofHours(1)), now);
				}
				catch (IdentityProviderClient.TokenRequestException ex) {
					if (held != null && now.isBefore(held.issued().plus(Duration.ofMinutes(50)))) {
						return held;
					}
					if (attempt == 3) {
						throw ex;
					}
					Pause.of(Duration.ofSeconds(5));
				}
			}
		}).value();
	}

	/** A token and when it was issued. */
	private record Token(String value, Instant issued) {
	}

	/** Deletes each directory with all it holds, when it exists. */
	public static void wipe(java.util.Collection<java.nio.file.Path> directories) throws IOException {

		for (var directory : directories) {
			if (java.nio.file.Files.exists(directory)) {
				try (var paths = java.nio.file.Files.walk(directory)) {
					paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}
	}

	/** The stack. */
	public LocalStack stack() {
		return stack;
	}

	/**
	 * Stops the stack: the services all at once (each may take its grace period to shut down), then the rest,
	 * last started first.
	 */
	@Override
	public void close() {

		try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
			stack.instances().services().forEach(instance -> stopping.submit(() -> stack.stop(instance)));
		}
		supervisor.close();
	}
}
