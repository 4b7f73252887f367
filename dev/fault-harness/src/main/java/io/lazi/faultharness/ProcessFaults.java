package io.lazi.faultharness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.ServiceInstance;
import io.lazi.localstack.infra.KafkaBroker;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StartupException;

/**
 * The process faults the harness injects, through the local stack's supervision API ({@link LocalStack} and its
 * {@link ProcessSupervisor}, which restarts what dies, with back-off, as Kubernetes would): the harness kills,
 * freezes and restarts, and then only waits until the stack is healthy again. Instance names are those of
 * {@code ./lazi status}, e.g. {@code pricebook-service-2}.
 */
public final class ProcessFaults {

	private static final Duration POLL = Duration.ofMillis(250);

	private final LocalStack stack;

	private final ProcessSupervisor supervisor;

	private final Duration readyTimeout;

	/**
	 * @param supervisor the stack's supervisor, restarting what ends ({@link ProcessSupervisor#superviseRestarts})
	 * @param readyTimeout how long a process may take to be running and ready again
	 */
	public ProcessFaults(LocalStack stack, ProcessSupervisor supervisor, Duration readyTimeout) {

		this.stack = stack;
		this.supervisor = supervisor;
		this.readyTimeout = readyTimeout;
	}

	/** The service instances that may be killed or frozen. */
	public List<String> instances() {
		return stack.instances().services().stream().map(ServiceInstance::name).toList();
	}

	/**
	 * SIGKILL of one instance (once it runs again, when the supervisor is still restarting it): no shutdown hook,
	 * no graceful close, as an OOM kill or a node loss. The supervisor starts it again after its back-off.
	 */
	public void kill(String instance) {

		awaitAlive(instance);
		stack.kill(instance(instance));
	}

	/** SIGSTOP of one instance (once it runs): it holds its sockets and Kafka group membership but answers nothing. */
	public void freeze(String instance) {

		awaitAlive(instance);
		stack.freeze(instance(instance));
	}

	/** SIGCONT of a frozen instance; harmless when it runs. */
	public void resume(String instance) {
		stack.resume(instance(instance));
	}

	/** Whether the broker can be restarted: the harness's stack always runs its own. */
	public boolean canRestartBroker() {
		return true;
	}

	/** SIGKILL of the Kafka broker; waits until the supervisor has started it again and it answers. */
	public void restartBroker() {

		supervisor.kill(KafkaBroker.NAME);
		awaitReady(KafkaBroker.NAME);
	}

	/** Whether {@link #restartDatabase()} is possible (not with an external PostgreSQL). */
	public boolean canRestartDatabase() {
		return stack.database().embedded();
	}

	/** Restart of PostgreSQL (SIGTERM, then start), waiting until it accepts connections again. */
	public void restartDatabase() {
		stack.restartPostgres(readyTimeout);
	}

	/**
	 * Waits until every process of the stack runs and is ready, those being restarted included (all at once).
	 * @throws IllegalStateException naming the first that was not ready in time
	 */
	public void awaitHealthy() {

		try (var waiting = Executors.newVirtualThreadPerTaskExecutor()) {
			var all = supervisor.names().stream().map(name -> waiting.submit(() -> awaitReady(name))).toList();
			for (var one : all) {
				one.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private ServiceInstance instance(String name) {
		return stack.instances().services().stream().filter(i -> i.name().equals(name)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service instance named " + name));
	}

	private void awaitAlive(String name) {

		var deadline = System.nanoTime() + readyTimeout.toNanos();
		while (!supervisor.process(name).isAlive()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " was not started again within " + readyTimeout.toSeconds() + " s");
			}
			Pause.of(POLL);
		}
	}

	/** Waits until the current process of {@code name} is ready, through restarts: one that ends is waited for again. */
	private void awaitReady(String name) {

		var deadline = System.nanoTime() + readyTimeout.toNanos();
		while (true) {
			awaitAlive(name);
			try {
				supervisor.awaitReady(supervisor.process(name), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
				return;
			}
			catch (StartupException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Pause.of(POLL);
			}
		}
	}
}
