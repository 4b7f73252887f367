package io.lazi.image.stproxy;

/**
 * The proxy refused a fetch: a target or redirect outside the allow-list, a forbidden address, a body
 * over the size limit or not an image. Answers 403; the message names host and path, never the query.
 */
public class ProxyRefusedException extends RuntimeException {

	ProxyRefusedException(String message) {
		super(message);
	}
}
