package io.lazi.localstack;

/** A sync that {@code ./lazi up} ran through the gateway did not complete. */
final class SyncException extends RuntimeException {

	SyncException(String message) {
		super(message);
	}
}
