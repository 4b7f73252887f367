package io.lazi.localstack.process;

import java.time.Duration;
import java.util.Locale;

/** Durations as every line of the local stack shows them: seconds with one decimal, {@code 12.3 s}. */
public final class Elapsed {

	private Elapsed() {
	}

	/** {@code duration} in seconds, e.g. {@code 12.3 s}. */
	public static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/** The time since {@code startNanos}, a {@link System#nanoTime()} reading, in seconds. */
	public static String since(long startNanos) {
		return seconds(Duration.ofNanos(System.nanoTime() - startNanos));
	}
}
