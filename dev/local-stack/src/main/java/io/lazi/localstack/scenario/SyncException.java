package io.lazi.localstack.scenario;

/**
 * A call to the running stack did not give what the caller needed (a sync that did not complete, an
 * unexpected answer, no answer); the message says what to look at.
 */
public final class SyncException extends RuntimeException {

	/** @param message what happened, for the user */
	public SyncException(String message) {
		super(message);
	}

	/** @param message what happened, for the user; {@code cause} the failure behind it */
	public SyncException(String message, Throwable cause) {
		super(message, cause);
	}
}
