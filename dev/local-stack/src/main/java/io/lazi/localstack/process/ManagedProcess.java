package io.lazi.localstack.process;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process started by a {@link ProcessSupervisor}.
 *
 * @param spec what was started
 * @param process the operating-system process
 * @param startedAt when it was started
 */
public record ManagedProcess(ProcessSpec spec, Process process, Instant startedAt) {

	/** The process name. */
	public String name() {
		return spec.name();
	}

	/** The operating-system process id. */
	public long pid() {
		return process.pid();
	}

	/** The log file. */
	public Path logFile() {
		return spec.logFile();
	}

	/** The port it listens on, 0 if none. */
	public int port() {
		return spec.port();
	}

	/** Whether it is still running. */
	public boolean isAlive() {
		return process.isAlive();
	}

	/** The exit code once it has ended. */
	public Optional<Integer> exitCode() {
		return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
	}
}
