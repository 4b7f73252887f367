package io.lazi.notification.fanout;

/**
 * Ends a session's stream when the client reads slower than its tenant's events arrive and its
 * bounded buffer is full; the client should reconnect with its {@code cursor} to resume.
 */
public final class SessionOverflowException extends RuntimeException {

	SessionOverflowException(String tenantId, int capacity) {
		super("Session of tenant " + tenantId + " fell " + capacity + " messages behind");
	}
}
