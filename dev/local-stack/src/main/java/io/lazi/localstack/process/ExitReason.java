package io.lazi.localstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Why a supervised process ended, as {@code ./lazi status} shows it: the exit code, the signal that
 * killed it (a code above 128 is 128 + the signal, as the shell and Java report it), and
 * {@code OutOfMemoryError} when the tail of its log says so (the services run with
 * {@code -XX:+ExitOnOutOfMemoryError}).
 *
 * @param exitCode the exit code
 * @param signal the signal's name ({@code SIGKILL}), {@code null} when it exited by itself
 * @param outOfMemory whether the log's tail reports an {@code OutOfMemoryError}
 * @param at when the supervisor noticed it
 */
public record ExitReason(int exitCode, String signal, boolean outOfMemory, Instant at) {

	private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9,
			"SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

	/** How much of the log's end is searched for an {@code OutOfMemoryError}. */
	private static final int TAIL_BYTES = 16 * 1024;

	/** The reason for {@code exitCode}, reading the tail of {@code logFile} (missing or unreadable: not OOM). */
	public static ExitReason of(int exitCode, Path logFile, Instant at) {

		var signal = exitCode > 128 && exitCode < 160 ? SIGNALS.getOrDefault(exitCode - 128, "signal " + (exitCode - 128))
				: null;
		return new ExitReason(exitCode, signal, tail(logFile).contains("OutOfMemoryError"), at);
	}

	/** E.g. {@code exit 137 (SIGKILL)}, {@code exit 3 (OutOfMemoryError)}, {@code exit 1}. */
	public String describe() {

		var cause = outOfMemory ? "OutOfMemoryError" : signal;
		return "exit " + exitCode + (cause == null ? "" : " (" + cause + ")");
	}

	private static String tail(Path logFile) {

		try (var file = new RandomAccessFile(logFile.toFile(), "r")) {
			var start = Math.max(0, file.length() - TAIL_BYTES);
			var bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}
}
