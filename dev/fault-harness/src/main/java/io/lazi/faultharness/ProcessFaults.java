package io.lazi.faultharness;

import java.util.List;

/**
 * The process faults the harness injects, against whatever runs the stack. Kept small so that it can be
 * implemented by the local stack's own supervision API (or a Kubernetes client) without touching the
 * schedule or the checks. Instance names are those of {@code ./lazi status}, e.g. {@code pricebook-service#2}.
 */
public interface ProcessFaults {

	/** The service instances that may be killed or frozen. */
	List<String> instances();

	/** SIGKILL of one instance: no shutdown hook, no graceful close, as an OOM kill or a node loss. */
	void kill(String instance);

	/**
	 * Starts a killed instance again and waits until it is ready, as a supervisor (Kubernetes) would; a
	 * no-op when it is already running or its supervisor restarts it by itself.
	 */
	void start(String instance);

	/** SIGSTOP of one instance: it holds its sockets and Kafka group membership but answers nothing. */
	void freeze(String instance);

	/** SIGCONT of a frozen instance. */
	void resume(String instance);

	/** Whether {@link #restartBroker()} is possible (not when the stack uses someone else's broker). */
	boolean canRestartBroker();

	/** Hard restart of the Kafka broker (SIGKILL, then start), waiting until it answers again. */
	void restartBroker();

	/** Whether {@link #restartDatabase()} is possible (not when the stack uses an external PostgreSQL). */
	boolean canRestartDatabase();

	/** Restart of PostgreSQL (stop, then start), waiting until it accepts connections again. */
	void restartDatabase();
}
