package io.lazi.localstack.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to start: a named command whose output (stdout and stderr) is appended to a log file.
 *
 * @param name the process name (also used in messages and the state file)
 * @param command the program and its arguments, see {@link JavaCommand}
 * @param environment variables added to (or replacing those of) the supervisor's own environment
 * @param logFile where stdout and stderr go; its directory is created when missing
 * @param port the port the process listens on, 0 if none (informational)
 * @param readiness how to tell the process is ready
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment, Path logFile,
		int port, Readiness readiness) {

	public ProcessSpec {
		command = List.copyOf(command);
		environment = Map.copyOf(environment);
	}
}
