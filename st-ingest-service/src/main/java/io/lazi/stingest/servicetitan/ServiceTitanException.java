package io.lazi.stingest.servicetitan;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A ServiceTitan call failed for good: a 4xx other than 429, rejected credentials, or a transient
 * failure that outlasted every retry. The message names the call and the answer, never a secret.
 */
public class ServiceTitanException extends RuntimeException {

	private final int status;

	public ServiceTitanException(String message) {
		this(message, 0);
	}

	public ServiceTitanException(String message, int status) {
		super(message);
		this.status = status;
	}

	public ServiceTitanException(String message, Throwable cause) {
		this(message, 0, cause);
	}

	public ServiceTitanException(String message, int status, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * Whether ServiceTitan's last answer was 429 Too Many Requests: it did nothing, so the call may be
	 * repeated whatever it was.
	 */
	public boolean rateLimited() {
		return status == 429;
	}

	/** The wait ServiceTitan asked for with {@code Retry-After} on its last 429, if it named one. */
	public Optional<Duration> waitAsked() {
		return getCause() instanceof TransientFailure failure ? failure.retryAfter() : Optional.empty();
	}

	/** The HTTP status ServiceTitan answered, or 0 when the failure was not an HTTP answer. */
	public int status() {
		return status;
	}
}
