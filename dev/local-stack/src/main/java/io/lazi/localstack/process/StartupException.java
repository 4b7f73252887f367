package io.lazi.localstack.process;

import java.nio.file.Path;

/**
 * A process did not become ready (it ended, or the timeout passed); the message names its log file.
 */
public class StartupException extends RuntimeException {

	private final String processName;

	private final Path logFile;

	/**
	 * @param processName the process that failed
	 * @param logFile its log file
	 * @param message what happened, without the log file (appended here)
	 */
	public StartupException(String processName, Path logFile, String message) {

		super(message + "; see " + logFile);
		this.processName = processName;
		this.logFile = logFile;
	}

	/** The process that failed. */
	public String processName() {
		return processName;
	}

	/** Its log file. */
	public Path logFile() {
		return logFile;
	}
}
