package io.lazi.faultharness;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link FaultSchedule} while the workload goes on: process faults through {@link ProcessFaults} (the
 * stack's supervisor starts a killed process again by itself), ServiceTitan's through the simulator's knobs
 * (combined, since {@code PUT /admin/faults} replaces them all). {@link #finish()} ends every fault still in force
 * and waits until every process is back, so the checks run on a healed stack: what must hold is that nothing was
 * lost or duplicated on the way.
 */
final class FaultInjector implements AutoCloseable {

	private final FaultSchedule schedule;

	private final ProcessFaults processes;

	private final SimulatorClient simulator;

	private final String tenant;

	private final PrintStream out;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, Thread.ofPlatform()
		.daemon().name("fault-", 0).factory());

	private final List<String> injected = new ArrayList<>();

	private final List<String> errors = new ArrayList<>();

	private final Set<String> frozen = ConcurrentHashMap.newKeySet();

	/** ServiceTitan faults in force, each until when. */
	private final Map<FaultSchedule.Kind, Instant> stFaults = new ConcurrentHashMap<>();

	private Instant started;

	FaultInjector(FaultSchedule schedule, ProcessFaults processes, SimulatorClient simulator, String tenant, PrintStream out) {

		this.schedule = schedule;
		this.processes = processes;
		this.simulator = simulator;
		this.tenant = tenant;
		this.out = out;
	}

	/** Starts the clock: each fault fires at its time from now. */
	void start() {

		started = Instant.now();
		for (var fault : schedule.faults()) {
			executor.schedule(() -> fire(fault), fault.at().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void fire(FaultSchedule.Fault fault) {

		try {
			switch (fault.kind()) {
				case KILL -> {
					processes.kill(fault.target());
					record(fault);
				}
				case FREEZE -> {
					if (!frozen.add(fault.target())) {
						return;
					}
					processes.freeze(fault.target());
					record(fault);
					executor.schedule(() -> resume(fault.target()), fault.duration().toMillis(), TimeUnit.MILLISECONDS);
				}
				case BROKER_RESTART -> {
					record(fault);
					processes.restartBroker();
				}
				case DATABASE_RESTART -> {
					record(fault);
					processes.restartDatabase();
				}
				case ST_LOST_ANSWERS -> {
					simulator.admin("POST", "/admin/faults/lost-answers",
							Map.of("tenant", Long.parseLong(tenant), "times", fault.duration().toSeconds()));
					record(fault);
				}
				default -> {
					stFaults.put(fault.kind(), Instant.now().plus(fault.duration()));
					applyStFaults();
					record(fault);
					executor.schedule(() -> {
						stFaults.remove(fault.kind());
						applyStFaults();
					}, fault.duration().toMillis(), TimeUnit.MILLISECONDS);
				}
			}
		}
		catch (RuntimeException ex) {
			error(fault + ": " + ex.getMessage());
		}
	}

	private synchronized void applyStFaults() {

		var storm = stFaults.get(FaultSchedule.Kind.ST_429_STORM);
		simulator.faults(stFaults.containsKey(FaultSchedule.Kind.ST_LATENCY) ? 2_000 : 0,
				stFaults.containsKey(FaultSchedule.Kind.ST_5XX) ? 0.2 : 0.0, storm,
				stFaults.containsKey(FaultSchedule.Kind.ST_TOKEN_DOWN));
	}

	private void resume(String instance) {
		undo("resume " + instance, () -> processes.resume(instance), () -> frozen.remove(instance));
	}

	/** Ends a fault; a failure is the harness's own trouble, reported as such. */
	private void undo(String what, Runnable action, Runnable done) {

		try {
			action.run();
		}
		catch (RuntimeException ex) {
			error(what + ": " + ex.getMessage());
		}
		finally {
			done.run();
		}
	}

	private synchronized void record(FaultSchedule.Fault fault) {

		var line = "fault " + fault + " (fired at t+" + Duration.between(started, Instant.now()).toSeconds() + "s)";
		injected.add(line);
		out.println("  " + line);
	}

	private synchronized void error(String message) {

		errors.add(message);
		out.println("  fault error: " + message);
	}

	/** The faults injected so far. */
	synchronized List<String> injected() {
		return List.copyOf(injected);
	}

	/** Faults that could not be injected or undone (the harness's own trouble, reported as such). */
	synchronized List<String> errors() {
		return List.copyOf(errors);
	}

	/**
	 * Cancels the faults not yet fired, ends those in force (ServiceTitan's cleared, frozen processes resumed)
	 * and waits until every process, killed ones restarted by the stack included, is back.
	 */
	void finish() {

		// Faults not yet fired, and the ends of those in force, are dropped; a restart under way completes.
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		executor.shutdown();
		try {
			executor.awaitTermination(5, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		simulator.clearFaults(); // lost-answer rules too; the write counts stay for the checks
		for (var instance : processes.instances()) {
			try {
				processes.resume(instance);
			}
			catch (RuntimeException ex) {
				// Not frozen: nothing to resume.
			}
		}
		try {
			processes.awaitHealthy();
		}
		catch (RuntimeException ex) {
			error("the stack is not healthy at the end: " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}
}
