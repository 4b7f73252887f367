package io.lazi.stingest.servicetitan;

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

	/** The HTTP status ServiceTitan answered, or 0 when the failure was not an HTTP answer. */
	public int status() {
		return status;
	}
}
