package io.lazi.image.stproxy;

/**
 * An allowed CDN failed: an error status, a timeout or an I/O failure. Answers 502 (504 when
 * {@link #timedOut()}); the upstream body is never passed on.
 */
public class ProxyUpstreamException extends RuntimeException {

	private final boolean timedOut;

	ProxyUpstreamException(String message, boolean timedOut, Throwable cause) {
		super(message, cause);
		this.timedOut = timedOut;
	}

	ProxyUpstreamException(String message) {
		super(message);
		this.timedOut = false;
	}

	public boolean timedOut() {
		return timedOut;
	}
}
