package io.lazi.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts named processes with their output in log files, waits until they are ready, and stops
 * them in reverse start order: SIGTERM, then a forced kill after a grace period. Every start is
 * recorded in a {@link StackState} file so that another invocation can report on the processes and
 * stop exactly those.
 *
 * <p>Children run in their own session where {@code setsid} exists, so a Ctrl-C in the terminal
 * reaches only the supervising JVM, which then stops them in order; their stdin is
 * {@code /dev/null} and their output goes to files. Every Java child runs the {@link ParentWatchdog}
 * agent, so it ends when this JVM ends, however this JVM ends (SIGKILL included).
 *
 * <p>Once {@link #superviseRestarts()} is called, a process that ends without being asked to (it
 * crashed, ran out of memory, was killed with {@link #kill}) is started again with the same spec after
 * a back-off, as Kubernetes restarts a container in {@code CrashLoopBackOff}: 1 s, 2 s, 4 s … capped at
 * 30 s, back to 1 s once a run lasted {@link Backoff#resetAfter()}. Its restarts and last exit reason
 * ({@link ExitReason}) are kept in the state file. A process {@link #stop(String, Duration) stopped} on
 * request stays down until {@link #startAgain(String) started}. Thread-safe.
 */
public final class ProcessSupervisor implements AutoCloseable {

	/** The default time a process gets between SIGTERM and a forced kill. */
	public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

	private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);

	private static final Path SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))
		.stream()
		.filter(Files::isExecutable)
		.findFirst()
		.orElse(null);

	private final Path stateFile;

	private final List<ManagedProcess> processes = new ArrayList<>();

	private final Map<String, Slot> slots = new LinkedHashMap<>();

	private StackState state = StackState.ofCurrentJvm();

	private boolean stopping;

	private Backoff backoff;

	private Consumer<String> events = event -> {
	};

	/**
	 * @param stateFile where to record what is started (created on the first start; rewritten on
	 * each start and restart); the {@link ParentWatchdog} agent jar is written beside it
	 */
	public ProcessSupervisor(Path stateFile) {
		this.stateFile = stateFile;
	}

	/**
	 * How long a supervised process waits before it is started again: {@code initial}, doubled after
	 * each exit up to {@code max}, back to {@code initial} once a run lasted {@code resetAfter}.
	 *
	 * @param initial the first delay
	 * @param max the longest delay
	 * @param resetAfter how long a run must last for its exit to count as the first again
	 */
	public record Backoff(Duration initial, Duration max, Duration resetAfter) {

		/** Kubernetes' figures, scaled to a laptop: 1 s, doubled to at most 30 s, reset after 60 s up. */
		public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofSeconds(60));

		/** The delay before restart number {@code crashes} + 1 of a run of quick exits. */
		public Duration delay(int crashes) {

			var delay = initial.multipliedBy(1L << Math.min(crashes, 20));
			return delay.compareTo(max) > 0 ? max : delay;
		}
	}

	/** What the supervisor knows of one named process beyond its current {@link ManagedProcess}. */
	private static final class Slot {

		ManagedProcess current;

		int restarts;

		int crashes;

		ExitReason lastExit;

		boolean stopped;

		boolean handledExit;

		long restartAt;

		Slot(ManagedProcess current) {
			this.current = current;
		}
	}

	/**
	 * From now on, restarts every process that ends without being asked to, with {@code backoff}
	 * (see the class comment); a daemon thread checks every 250 ms. Idempotent.
	 */
	public synchronized void superviseRestarts(Backoff backoff) {

		var first = this.backoff == null;
		this.backoff = backoff;
		if (first) {
			var thread = new Thread(this::superviseLoop, "lazi-supervisor");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/** {@link #superviseRestarts(Backoff)} with {@link Backoff#DEFAULT}. */
	public void superviseRestarts() {
		superviseRestarts(Backoff.DEFAULT);
	}

	/**
	 * Tells {@code listener} of each exit and restart noticed while supervising, as a one-line message
	 * (also logged at INFO).
	 */
	public synchronized void onEvent(Consumer<String> listener) {
		this.events = listener;
	}

	private void superviseLoop() {

		while (true) {
			try {
				Thread.sleep(250);
				superviseOnce();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				LOG.warn("Supervising failed once; trying again", ex);
			}
		}
	}

	private synchronized void superviseOnce() {

		if (stopping) {
			return;
		}
		var now = System.nanoTime();
		for (var entry : slots.entrySet()) {
			var slot = entry.getValue();
			var process = slot.current;
			if (slot.stopped || process.isAlive()) {
				continue;
			}
			if (!slot.handledExit) {
				slot.handledExit = true;
				slot.lastExit = ExitReason.of(process.process().exitValue(), process.logFile(), Instant.now());
				var upFor = Duration.between(process.startedAt(), Instant.now());
				if (upFor.compareTo(backoff.resetAfter()) >= 0) {
					slot.crashes = 0;
				}
				var delay = backoff.delay(slot.crashes);
				slot.crashes++;
				slot.restartAt = now + delay.toNanos();
				record(slot);
				event(entry.getKey() + " (pid " + process.pid() + ") ended: " + slot.lastExit.describe()
						+ "; restarting in " + delay.toMillis() / 1000.0 + " s (see " + process.logFile() + ")");
			}
			else if (now - slot.restartAt >= 0) {
				relaunch(slot);
				slot.restarts++;
				record(slot);
				event(entry.getKey() + " restarted (pid " + slot.current.pid() + ", restart " + slot.restarts + ")");
			}
		}
	}

	private void event(String message) {

		LOG.info(message);
		events.accept(message);
	}

	/**
	 * Starts a process; does not wait for it to be ready.
	 * @throws UncheckedIOException when the process cannot be started or recorded
	 */
	public synchronized ManagedProcess start(ProcessSpec spec) {

		if (slots.containsKey(spec.name())) {
			throw new IllegalArgumentException(spec.name() + " was started already; use startAgain or restart");
		}
		var started = launchManaged(spec);
		processes.add(started);
		var slot = new Slot(started);
		slots.put(spec.name(), slot);
		record(slot);
		LOG.info("Started {} (pid {}), log {}", spec.name(), started.pid(), spec.logFile());
		return started;
	}

	private ManagedProcess launchManaged(ProcessSpec spec) {

		try {
			var process = launch(spec);
			return new ManagedProcess(spec, process, StackState.startInstant(process.toHandle()).orElseGet(Instant::now));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + spec.name(), ex);
		}
	}

	/** Starts the slot's spec again in place of its ended process. */
	private void relaunch(Slot slot) {

		var spec = slot.current.spec();
		var started = launchManaged(spec);
		processes.set(processes.indexOf(slot.current), started);
		slot.current = started;
		slot.handledExit = false;
		LOG.info("Started {} again (pid {})", spec.name(), started.pid());
	}

	/** Writes the slot's process, restarts and last exit into the state file. */
	private void record(Slot slot) {

		var process = slot.current;
		var spec = process.spec();
		state = state.put(new StackState.ProcessRecord(spec.name(), process.pid(), process.startedAt().toString(),
				spec.port(), spec.readiness().describe(), spec.logFile().toString(), slot.restarts,
				slot.lastExit == null ? null : slot.lastExit.describe() + " at " + slot.lastExit.at(), slot.stopped,
				StackState.startTicks(process.pid())));
		try {
			state.write(stateFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not record " + spec.name() + " in " + stateFile, ex);
		}
	}

	/** The names of the processes started so far, in start order. */
	public synchronized List<String> names() {
		return List.copyOf(slots.keySet());
	}

	/**
	 * The current process named {@code name} (the latest after restarts).
	 * @throws IllegalArgumentException naming the known processes when there is none of that name
	 */
	public synchronized ManagedProcess process(String name) {
		return slot(name).current;
	}

	/** How often the process named {@code name} was restarted by supervision. */
	public synchronized int restarts(String name) {
		return slot(name).restarts;
	}

	/** Why the process named {@code name} last ended on its own (or was killed); empty if it never did. */
	public synchronized Optional<ExitReason> lastExit(String name) {
		return Optional.ofNullable(slot(name).lastExit);
	}

	private Slot slot(String name) {

		var slot = slots.get(name);
		if (slot == null) {
			throw new IllegalArgumentException("No process named '" + name + "'; the processes are " + slots.keySet());
		}
		return slot;
	}

	/**
	 * Kills the process named {@code name} with SIGKILL, as a crash would end it: with
	 * {@link #superviseRestarts() supervision} it is started again after the back-off. Does not wait.
	 * @return the pid killed
	 * @throws IllegalArgumentException when there is no such process
	 * @throws IllegalStateException when it is not running
	 */
	public synchronized long kill(String name) {

		var process = running(name);
		// A frozen process must be able to die: SIGKILL works on a stopped process, but resume it anyway.
		process.process().destroyForcibly();
		LOG.info("Killed {} (pid {})", name, process.pid());
		return process.pid();
	}

	/**
	 * Stops the process named {@code name} (SIGTERM, then SIGKILL after {@code grace}) and keeps it
	 * down, supervision or not, until {@link #startAgain(String)}. Blocks until it has ended.
	 * @return whether it was running
	 * @throws IllegalArgumentException when there is no such process
	 */
	public boolean stop(String name, Duration grace) {

		ManagedProcess process;
		synchronized (this) {
			var slot = slot(name);
			slot.stopped = true;
			record(slot);
			process = slot.current;
		}
		signal(process.pid(), "CONT");
		var wasRunning = stop(process.process().toHandle(), name, grace);
		awaitReaped(process.process());
		return wasRunning;
	}

	/**
	 * Starts the process named {@code name} again with its spec, if it is not running (stopped, or
	 * waiting for its back-off); clears a stop. Does not wait for it to be ready ({@link #awaitReady}).
	 * @return the process now running
	 * @throws IllegalArgumentException when there is no such process
	 */
	public synchronized ManagedProcess startAgain(String name) {

		var slot = slot(name);
		slot.stopped = false;
		if (!slot.current.isAlive()) {
			relaunch(slot);
			slot.crashes = 0;
		}
		record(slot);
		return slot.current;
	}

	/**
	 * {@link #stop(String, Duration) Stops} the process named {@code name} and starts it again; does not
	 * wait for it to be ready. Blocks while it stops.
	 * @return the new process
	 * @throws IllegalArgumentException when there is no such process
	 */
	public ManagedProcess restart(String name, Duration grace) {

		stop(name, grace);
		return startAgain(name);
	}

	/**
	 * Freezes the process named {@code name} with SIGSTOP: it keeps its sockets and memory but runs no
	 * code (no heartbeats, no answers) until {@link #resume(String)}. Does not wait.
	 * @throws IllegalArgumentException when there is no such process
	 * @throws IllegalStateException when it is not running or the signal could not be sent
	 */
	public synchronized void freeze(String name) {

		var process = running(name);
		if (!signal(process.pid(), "STOP")) {
			throw new IllegalStateException("Could not send SIGSTOP to " + name + " (pid " + process.pid() + ")");
		}
		LOG.info("Froze {} (pid {})", name, process.pid());
	}

	/**
	 * Resumes the process named {@code name} with SIGCONT after {@link #freeze(String)}; harmless when it
	 * runs. Does not wait.
	 * @throws IllegalArgumentException when there is no such process
	 * @throws IllegalStateException when it is not running or the signal could not be sent
	 */
	public synchronized void resume(String name) {

		var process = running(name);
		if (!signal(process.pid(), "CONT")) {
			throw new IllegalStateException("Could not send SIGCONT to " + name + " (pid " + process.pid() + ")");
		}
		LOG.info("Resumed {} (pid {})", name, process.pid());
	}

	/**
	 * Does what a {@link ControlChannel} request asks: {@code kill} ({@link #kill}), {@code stop}
	 * ({@link #stop(String, Duration)} with {@link #DEFAULT_GRACE}), {@code start} ({@link #startAgain}) or
	 * {@code restart} ({@link #restart}), the last two waiting until the process is ready (at most
	 * {@code readyTimeout}). Blocks until done.
	 * @return what was done, or why not
	 */
	public ControlChannel.Reply control(String action, String name, Duration readyTimeout) {

		try {
			slot(name);
			return switch (action) {
				case "kill" -> new ControlChannel.Reply(true, "Killed " + name + " (pid " + kill(name) + ") with SIGKILL; "
						+ (backoff != null ? "it is restarted after its back-off" : "it stays down"));
				case "stop" -> new ControlChannel.Reply(true, (stop(name, DEFAULT_GRACE) ? "Stopped " : "Already down: ")
						+ name + "; it stays down until started");
				case "start", "restart" -> {
					var began = System.nanoTime();
					var process = action.equals("start") ? startAgain(name) : restart(name, DEFAULT_GRACE);
					awaitReady(process, readyTimeout);
					yield new ControlChannel.Reply(true, (action.equals("start") ? "Started " : "Restarted ") + name
							+ " (pid " + process.pid() + "), ready after " + Elapsed.since(began));
				}
				default -> new ControlChannel.Reply(false, "Unknown action '" + action + "'");
			};
		}
		catch (IllegalArgumentException | IllegalStateException | StartupException ex) {
			return new ControlChannel.Reply(false, ex.getMessage());
		}
	}

	private ManagedProcess running(String name) {

		var process = slot(name).current;
		if (!process.isAlive()) {
			throw new IllegalStateException(name + " is not running");
		}
		return process;
	}

	/** Sends {@code kill -<signal> pid}; whether it was delivered. */
	private static boolean signal(long pid, String signal) {

		try {
			var kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true)
				.redirectOutput(Redirect.DISCARD)
				.start();
			return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Runs a process to completion (not recorded in the state file), e.g. a storage format tool.
	 * @return its exit code
	 * @throws StartupException when it does not finish within {@code timeout} (it is then killed)
	 */
	public int run(ProcessSpec spec, Duration timeout) {

		try {
			var process = launch(spec);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new StartupException(spec.name(), spec.logFile(), spec.name() + " did not finish within "
						+ timeout.toSeconds() + " s");
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + spec.name(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StartupException(spec.name(), spec.logFile(), "interrupted while running " + spec.name());
		}
	}

	/**
	 * Waits until the process passes its readiness check.
	 * @throws StartupException when it ends or {@code timeout} passes first
	 */
	public void awaitReady(ManagedProcess process, Duration timeout) {
		awaitReady(List.of(process), timeout);
	}

	/**
	 * Waits until every given process passes its readiness check, all within one {@code timeout}.
	 * @throws StartupException naming the first process that ended or was not ready in time
	 */
	public void awaitReady(Collection<ManagedProcess> group, Duration timeout) {
		awaitReady(group, timeout, process -> {
		});
	}

	/**
	 * Waits until every given process passes its readiness check, all within one {@code timeout},
	 * telling {@code onReady} about each as it becomes ready.
	 * @throws StartupException naming the first process that ended or was not ready in time
	 */
	public void awaitReady(Collection<ManagedProcess> group, Duration timeout, Consumer<ManagedProcess> onReady) {

		var deadline = System.nanoTime() + timeout.toNanos();
		var pending = new ArrayList<>(group);
		while (!pending.isEmpty()) {
			for (var iterator = pending.iterator(); iterator.hasNext();) {
				var process = iterator.next();
				if (!process.isAlive()) {
					throw new StartupException(process.name(), process.logFile(),
							process.name() + " exited with code " + process.process().exitValue() + " while starting");
				}
				if (process.spec().readiness().check(process.pid())) {
					LOG.info("{} is ready", process.name());
					iterator.remove();
					onReady.accept(process);
				}
			}
			if (pending.isEmpty()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				var late = pending.getFirst();
				throw new StartupException(late.name(), late.logFile(),
						late.name() + " was not ready within " + timeout.toSeconds() + " s (checked "
								+ late.spec().readiness().describe() + ")");
			}
			sleep(Duration.ofMillis(500));
		}
	}

	/** The processes started so far, in start order. */
	public synchronized List<ManagedProcess> processes() {
		return List.copyOf(processes);
	}

	/**
	 * Stops every running process, last started first: SIGTERM, then a forced kill after
	 * {@code grace}. Idempotent.
	 */
	public synchronized void stopAll(Duration grace) {

		stopping = true;
		var order = processes.reversed();
		// The services first, all at once: each takes seconds to end gracefully (and the first time to write its
		// class-data archive), and none waits for another; one by one, a stack of sixteen took minutes to stop.
		// Then the broker and the database they used, last started first.
		try (var stops = Executors.newVirtualThreadPerTaskExecutor()) {
			order.stream().filter(process -> !INFRASTRUCTURE.contains(process.name())).forEach(process -> stops.submit(() -> {
				stop(process.process().toHandle(), process.name(), grace);
				awaitReaped(process.process());
			}));
		}
		for (var process : order.stream().filter(process -> INFRASTRUCTURE.contains(process.name())).toList()) {
			stop(process.process().toHandle(), process.name(), grace);
			awaitReaped(process.process());
		}
	}

	/** The processes the others need until they have ended: the broker and the database. */
	private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "postgres");

	private static void awaitReaped(Process process) {

		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops all processes with {@link #DEFAULT_GRACE}. */
	@Override
	public synchronized void close() {
		stopAll(DEFAULT_GRACE);
	}

	/**
	 * Stops one process: SIGTERM, then a forced kill after {@code grace}.
	 * @return whether it was running
	 */
	public static boolean stop(ProcessHandle process, String name, Duration grace) {

		if (!isRunning(process)) {
			return false;
		}
		LOG.info("Stopping {} (pid {})", name, process.pid());
		var children = process.descendants().toList();
		if (!terminate(process, grace)) {
			LOG.warn("{} (pid {}) did not stop within {} s; killed it", name, process.pid(), grace.toSeconds());
		}
		// A child left behind by a forced kill (e.g. the postmaster of the embedded PostgreSQL).
		children.stream().filter(ProcessSupervisor::isRunning).forEach(child -> terminate(child, Duration.ofSeconds(5)));
		return true;
	}

	private static boolean terminate(ProcessHandle process, Duration grace) {

		process.destroy();
		// Polls: onExit() of a process that is not our child is only noticed after a second or two.
		var deadline = System.nanoTime() + grace.toNanos();
		try {
			while (isRunning(process) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (isRunning(process)) {
			process.destroyForcibly();
			return false;
		}
		return true;
	}

	/**
	 * Whether the process runs: alive and, on Linux, not a zombie waiting to be reaped by a parent
	 * that is not this JVM.
	 */
	static boolean isRunning(ProcessHandle process) {

		if (!process.isAlive()) {
			return false;
		}
		try {
			var stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
			var state = stat.substring(stat.lastIndexOf(')') + 1).strip();
			return !state.startsWith("Z") && !state.startsWith("X");
		}
		catch (IOException | RuntimeException ex) {
			return process.isAlive();
		}
	}

	private static boolean isJava(String program) {

		var name = Path.of(program).getFileName().toString();
		return name.equals("java") || name.equals("java.exe");
	}

	private Process launch(ProcessSpec spec) throws IOException {

		Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
		ClassDataSharing.refresh(spec.command());
		var command = new ArrayList<String>();
		if (SETSID != null) {
			command.add(SETSID.toString());
		}
		command.addAll(spec.command());
		if (isJava(spec.command().getFirst())) {
			// Ends the child when this JVM ends, however it ends.
			var agent = ParentWatchdog.agentJar(stateFile.toAbsolutePath().getParent());
			command.add(command.size() - spec.command().size() + 1,
					"-javaagent:" + agent + "=" + ProcessHandle.current().pid());
		}
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(spec.logFile().toFile()))
			.redirectInput(Redirect.from(new File("/dev/null")));
		builder.environment().putAll(spec.environment());
		return builder.start();
	}

	private static void sleep(Duration duration) {

		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for processes to become ready", ex);
		}
	}
}
