package io.lazi.platform.web.input;

import java.io.IOException;

/**
 * A request body is larger than {@link InputProperties#maxJsonBody()}; answers 413. An
 * {@link IOException} so that it travels out of the JSON reader that was reading the body.
 */
public class ContentTooLargeException extends IOException {

	private final long limit;

	public ContentTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
		this.limit = limit;
	}

	/** The limit in bytes. */
	public long limit() {
		return limit;
	}
}
