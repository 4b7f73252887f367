package io.lazi.platform.web;

import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * Another Lazi service did not answer an {@link InternalClient} call usefully: it answered with an
 * error status, or it could not be reached in time. The message names the service and the status or
 * the I/O failure, never a response body.
 */
public class InternalCallException extends RuntimeException {

	private final @Nullable Integer status;

	private final transient @Nullable ProblemDetail problem;

	InternalCallException(String message, @Nullable Integer status, @Nullable ProblemDetail problem,
			@Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
		this.problem = problem;
	}

	/** The RFC 9457 problem the service answered with, when its error answer carried one. */
	public Optional<ProblemDetail> problem() {
		return Optional.ofNullable(problem);
	}

	/** The status the service answered with; empty when it was not reached or did not answer in time. */
	public OptionalInt status() {
		return status == null ? OptionalInt.empty() : OptionalInt.of(status);
	}
}
