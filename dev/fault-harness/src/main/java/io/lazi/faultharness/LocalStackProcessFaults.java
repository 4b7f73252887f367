package io.lazi.faultharness;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.ServiceInstance;
import io.lazi.localstack.infra.KafkaBroker;
import io.lazi.localstack.process.ManagedProcess;
import io.lazi.localstack.process.ProcessSupervisor;

/**
 * {@link ProcessFaults} with what the local stack offers: the {@link ProcessSupervisor}'s processes, signals
 * sent with {@code kill}, and {@link LocalStack}'s starters for an instance, the broker and PostgreSQL. Thin on
 * purpose: once the stack supervises and restarts its processes itself, this adapter becomes calls to that API.
 */
public final class LocalStackProcessFaults implements ProcessFaults {

	/** The name the embedded PostgreSQL runs under. */
	static final String POSTGRES = "postgres";

	private final LocalStack stack;

	private final ProcessSupervisor supervisor;

	private final boolean ownBroker;

	private final Duration readyTimeout;

	/** The latest process of each name this adapter started, over the supervisor's first ones. */
	private final Map<String, ManagedProcess> restarted = new ConcurrentHashMap<>();

	/**
	 * @param ownBroker whether the stack started its own broker (and so may restart it)
	 * @param readyTimeout how long a restarted process may take to be ready
	 */
	public LocalStackProcessFaults(LocalStack stack, ProcessSupervisor supervisor, boolean ownBroker,
			Duration readyTimeout) {

		this.stack = stack;
		this.supervisor = supervisor;
		this.ownBroker = ownBroker;
		this.readyTimeout = readyTimeout;
	}

	@Override
	public List<String> instances() {
		return stack.instances().services().stream().map(ServiceInstance::name).toList();
	}

	@Override
	public void kill(String instance) {
		process(instance).process().destroyForcibly(); // SIGKILL on Linux
		await(process(instance));
	}

	@Override
	public void start(String instance) {

		var current = process(instance);
		if (current.isAlive()) {
			supervisor.awaitReady(current, readyTimeout);
			return;
		}
		var target = stack.instances().services().stream().filter(i -> i.name().equals(instance)).findFirst().orElseThrow();
		var started = stack.startInstance(target);
		restarted.put(instance, started);
		supervisor.awaitReady(started, readyTimeout);
	}

	@Override
	public void freeze(String instance) {
		signal("STOP", process(instance).pid());
	}

	@Override
	public void resume(String instance) {
		signal("CONT", process(instance).pid());
	}

	@Override
	public boolean canRestartBroker() {
		return ownBroker;
	}

	@Override
	public void restartBroker() {

		var broker = process(KafkaBroker.NAME);
		broker.process().destroyForcibly();
		await(broker);
		var started = stack.startKafka();
		restarted.put(KafkaBroker.NAME, started);
		supervisor.awaitReady(started, readyTimeout);
	}

	@Override
	public boolean canRestartDatabase() {
		return stack.database().embedded();
	}

	@Override
	public void restartDatabase() {

		var postgres = process(POSTGRES);
		// SIGTERM with a grace period: the wrapper stops its postmaster, which a SIGKILL of the wrapper would orphan.
		ProcessSupervisor.stop(postgres.process().toHandle(), POSTGRES, Duration.ofSeconds(20));
		await(postgres);
		var started = stack.startPostgres().orElseThrow();
		restarted.put(POSTGRES, started);
		supervisor.awaitReady(started, readyTimeout);
	}

	private ManagedProcess process(String name) {

		var latest = restarted.get(name);
		if (latest != null) {
			return latest;
		}
		return supervisor.processes().stream().filter(p -> p.name().equals(name)).reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalArgumentException("No process named " + name));
	}

	private static void await(ManagedProcess process) {

		try {
			process.process().waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void signal(String signal, long pid) {

		try {
			var exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + exit);
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
