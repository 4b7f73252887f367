package io.lazi.platform.web;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Another Lazi service did not answer an {@link InternalClient} call usefully: it answered with an
 * error status, or it could not be reached in time. The message names the service and the status or
 * the I/O failure, never a response body.
 */
public class InternalCallException extends RuntimeException {

	private final @Nullable Integer status;

	InternalCallException(String message, @Nullable Integer status, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The status the service answered with; empty when it was not reached or did not answer in time. */
	public OptionalInt status() {
		return status == null ? OptionalInt.empty() : OptionalInt.of(status);
	}
}
