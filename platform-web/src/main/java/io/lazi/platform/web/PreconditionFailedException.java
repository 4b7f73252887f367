package io.lazi.platform.web;

/**
 * Thrown when a request's {@code If-Match} names a version of a record that is no longer its current one: someone
 * changed it since the caller read it. Answers 412 {@link Problems#PRECONDITION_FAILED} with the current ETag in
 * {@code currentETag}, so a client can read the record again and decide.
 */
public class PreconditionFailedException extends RuntimeException {

	private final String currentETag;

	/**
	 * @param what the record, e.g. {@code Lead 5f0c…}
	 * @param currentETag the record's current ETag, e.g. {@code "4"}
	 */
	public PreconditionFailedException(String what, String currentETag) {
		super(what + " changed since it was read: If-Match does not name its current version " + currentETag);
		this.currentETag = currentETag;
	}

	/** The record's current ETag. */
	public String currentETag() {
		return currentETag;
	}
}
