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
import java.util.List;
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
 * {@code /dev/null} and their output goes to files, so they outlive this JVM after
 * {@link #detach()}. Thread-safe.
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

	private StackState state = StackState.ofCurrentJvm();

	private boolean detached;

	/**
	 * @param stateFile where to record what is started (created on the first start; rewritten on
	 * each start)
	 */
	public ProcessSupervisor(Path stateFile) {
		this.stateFile = stateFile;
	}

	/**
	 * Starts a process; does not wait for it to be ready.
	 * @throws UncheckedIOException when the process cannot be started or recorded
	 */
	public synchronized ManagedProcess start(ProcessSpec spec) {

		try {
			var process = launch(spec);
			var started = new ManagedProcess(spec, process,
					StackState.startInstant(process.toHandle()).orElseGet(Instant::now));
			processes.add(started);
			state = state.with(new StackState.ProcessRecord(spec.name(), process.pid(), started.startedAt().toString(),
					spec.port(), spec.readiness().describe(), spec.logFile().toString()));
			state.write(stateFile);
			LOG.info("Started {} (pid {}), log {}", spec.name(), process.pid(), spec.logFile());
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + spec.name(), ex);
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
				if (process.spec().readiness().check()) {
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
	 * Leaves the processes running when this supervisor is closed, and records that in the state
	 * file.
	 */
	public synchronized void detach() {

		detached = true;
		state = state.detach();
		try {
			state.write(stateFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether {@link #detach()} was called. */
	public synchronized boolean isDetached() {
		return detached;
	}

	/**
	 * Stops every running process, last started first: SIGTERM, then a forced kill after
	 * {@code grace}. Idempotent.
	 */
	public synchronized void stopAll(Duration grace) {

		for (var process : processes.reversed()) {
			stop(process.process().toHandle(), process.name(), grace);
			awaitReaped(process.process());
		}
	}

	private static void awaitReaped(Process process) {

		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops all processes with {@link #DEFAULT_GRACE}, unless {@link #detach() detached}. */
	@Override
	public synchronized void close() {

		if (!detached) {
			stopAll(DEFAULT_GRACE);
		}
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

	private static Process launch(ProcessSpec spec) throws IOException {

		Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
		var command = new ArrayList<String>();
		if (SETSID != null) {
			command.add(SETSID.toString());
		}
		command.addAll(spec.command());
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
