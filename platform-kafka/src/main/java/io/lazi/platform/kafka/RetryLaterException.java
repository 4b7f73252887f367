package io.lazi.platform.kafka;

import java.time.Duration;

/**
 * Thrown by a listener when the record could not be handled yet but nothing went wrong with it: the
 * downstream system refused to do anything for now (ServiceTitan's 429) and said when to come back. The
 * platform error handler delivers the record again after {@link #after()} (at least a second, at most a
 * minute, so the consumer never outstays {@code max.poll.interval.ms}), as often as it takes: it never
 * counts against the retry budget and never goes to the dead-letter topic. The partition waits meanwhile.
 */
public class RetryLaterException extends RuntimeException {

	/** Shortest wait between deliveries. */
	static final Duration MIN = Duration.ofSeconds(1);

	/** Longest wait between deliveries. */
	static final Duration MAX = Duration.ofMinutes(1);

	private final Duration after;

	/**
	 * @param message why the record waits, for the log
	 * @param after when to deliver it again (clamped to one second … one minute)
	 */
	public RetryLaterException(String message, Duration after) {
		super(message);
		this.after = after.compareTo(MIN) < 0 ? MIN : after.compareTo(MAX) > 0 ? MAX : after;
	}

	/** The wait before the next delivery. */
	public Duration after() {
		return after;
	}
}
