package io.lazi.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a {@link ProcessSupervisor} started, as kept in {@code <runDir>/state.json}: enough for
 * another invocation to report on and stop exactly those processes.
 *
 * @param supervisorPid the pid of the JVM that started them
 * @param supervisorStartedAt when that JVM started (ISO-8601), to tell it from a recycled pid
 * @param detached whether that JVM left them running when it exited
 * @param processes the processes in start order
 * @param supervisorStartTicks that JVM's start in clock ticks after boot (Linux {@code /proc/<pid>/stat}), 0
 * if unknown: unlike the start instant, which is derived from the wall clock, it does not drift
 */
public record StackState(long supervisorPid, String supervisorStartedAt, boolean detached,
		List<ProcessRecord> processes, long supervisorStartTicks) {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	public StackState {
		processes = List.copyOf(processes);
	}

	/** A state whose supervisor's start ticks are unknown. */
	public StackState(long supervisorPid, String supervisorStartedAt, boolean detached, List<ProcessRecord> processes) {
		this(supervisorPid, supervisorStartedAt, detached, processes, 0);
	}

	/** The state of the current JVM with no processes yet. */
	static StackState ofCurrentJvm() {

		var self = ProcessHandle.current();
		return new StackState(self.pid(), startInstant(self).map(Instant::toString).orElse(null), false, List.of(),
				startTicks(self.pid()));
	}

	/** This state with one more process. */
	StackState with(ProcessRecord record) {

		var all = new ArrayList<>(processes);
		all.add(record);
		return new StackState(supervisorPid, supervisorStartedAt, detached, all, supervisorStartTicks);
	}

	/** This state with {@code record} in place of the process of the same name (appended when there is none). */
	StackState put(ProcessRecord record) {

		var all = new ArrayList<>(processes);
		var index = -1;
		for (var i = 0; i < all.size(); i++) {
			if (all.get(i).name().equals(record.name())) {
				index = i;
			}
		}
		if (index < 0) {
			all.add(record);
		}
		else {
			all.set(index, record);
		}
		return new StackState(supervisorPid, supervisorStartedAt, detached, all, supervisorStartTicks);
	}

	/** The recorded process named {@code name}. */
	public Optional<ProcessRecord> process(String name) {
		return processes.stream().filter(process -> process.name().equals(name)).findFirst();
	}

	/** This state marked detached. */
	StackState detach() {
		return new StackState(supervisorPid, supervisorStartedAt, true, processes, supervisorStartTicks);
	}

	/** The supervising JVM, if it is still running. */
	public Optional<ProcessHandle> supervisor() {
		return live(supervisorPid, supervisorStartedAt, supervisorStartTicks);
	}

	/** Reads the state file; empty when there is none. */
	public static Optional<StackState> read(Path file) throws IOException {

		if (!Files.exists(file)) {
			return Optional.empty();
		}
		return Optional.of(JSON.readValue(file.toFile(), StackState.class));
	}

	/** Writes the state file atomically, creating its directory. */
	public void write(Path file) throws IOException {

		Files.createDirectories(file.getParent());
		var temporary = file.resolveSibling(file.getFileName() + ".tmp");
		JSON.writeValue(temporary.toFile(), this);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * One started process.
	 *
	 * @param name the process name
	 * @param pid its pid
	 * @param startedAt when the operating system says it started (ISO-8601), to tell it from a
	 * recycled pid
	 * @param port the port it listens on, 0 if none
	 * @param health what readiness checks ({@link Readiness#describe()})
	 * @param logFile its log file
	 * @param restarts how often the supervisor restarted it after it ended on its own (or was killed)
	 * @param lastExit why it last ended ({@link ExitReason#describe()} and when), {@code null} if it never did
	 * @param stopped whether it was stopped on request ({@code ./lazi stop}) and stays down until started
	 * @param startTicks its start in clock ticks after boot (Linux), 0 if unknown; preferred to {@code startedAt}
	 */
	public record ProcessRecord(String name, long pid, String startedAt, int port, String health, String logFile,
			int restarts, String lastExit, boolean stopped, long startTicks) {

		/** A process just started, never restarted, its start ticks unknown. */
		public ProcessRecord(String name, long pid, String startedAt, int port, String health, String logFile) {
			this(name, pid, startedAt, port, health, logFile, 0, null, false, 0);
		}

		/** The process, if this very process is still running. */
		public Optional<ProcessHandle> live() {
			return StackState.live(pid, startedAt, startTicks);
		}
	}

	static Optional<Instant> startInstant(ProcessHandle handle) {
		return handle.info().startInstant();
	}

	/**
	 * The start of process {@code pid} in clock ticks after boot (field 22 of Linux's
	 * {@code /proc/<pid>/stat}); 0 where unknown.
	 */
	static long startTicks(long pid) {

		try {
			var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static Optional<ProcessHandle> live(long pid, String startedAt, long startTicks) {

		var ticks = startTicks > 0 ? startTicks(pid) : 0;
		if (ticks > 0) {
			// The wall clock may have been stepped since (the instants then drift apart): ticks do not.
			return ProcessHandle.of(pid).filter(ProcessSupervisor::isRunning).filter(handle -> ticks == startTicks);
		}
		return ProcessHandle.of(pid).filter(ProcessSupervisor::isRunning).filter(handle -> {
			if (startedAt == null) {
				return true;
			}
			var actual = startInstant(handle);
			return actual.isEmpty()
					|| Duration.between(Instant.parse(startedAt), actual.get()).abs().compareTo(Duration.ofSeconds(2)) < 0;
		});
	}
}
