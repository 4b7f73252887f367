package io.lazi.stingest.servicetitan;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A failure worth another attempt: 429 (with the wait ServiceTitan asked for, if any), 401 after
 * dropping the cached token, 5xx, I/O errors and timeouts. {@link #status()} is the HTTP status, 0 for
 * I/O errors and timeouts.
 */
class TransientFailure extends ServiceTitanException {

	private final @Nullable Duration retryAfter;

	private final boolean rateLimited;

	private TransientFailure(String message, int status, @Nullable Throwable cause, @Nullable Duration retryAfter,
			boolean rateLimited) {
		super(message, status, cause);
		this.retryAfter = retryAfter;
		this.rateLimited = rateLimited;
	}

	static TransientFailure rateLimited(String call, Optional<Duration> retryAfter) {
		return new TransientFailure("ServiceTitan answered 429 Too Many Requests to " + call, 429, null,
				retryAfter.orElse(null), true);
	}

	static TransientFailure of(String message, @Nullable Throwable cause) {
		return of(message, 0, cause);
	}

	/** A failure with ServiceTitan's HTTP {@code status} (0 when there was no answer). */
	static TransientFailure of(String message, int status, @Nullable Throwable cause) {
		return new TransientFailure(message, status, cause, null, false);
	}

	/** The wait ServiceTitan asked for with {@code Retry-After}. */
	Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

	boolean isRateLimited() {
		return rateLimited;
	}

	/** Whether ServiceTitan surely did not process the call (429, 401), so even a non-idempotent call may be repeated. */
	boolean unprocessed() {
		return rateLimited || status() == 401;
	}
}
