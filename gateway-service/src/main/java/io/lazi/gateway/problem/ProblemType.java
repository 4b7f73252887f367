package io.lazi.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The problems only the gateway answers with: stable {@code type} URI, status, title and the detail
 * an error that escapes routing gets. The security answers (401, 403, 400 missing tenant, 429) are
 * platform-security's {@code SecurityProblems}.
 */
public enum ProblemType {

	CONTENT_TOO_LARGE("content-too-large", HttpStatus.CONTENT_TOO_LARGE, "Content too large",
			"The request body is larger than the gateway forwards"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", "No route matches this path"),
	INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request",
			"The request cannot be handled as sent"),
	UPSTREAM_UNAVAILABLE("upstream-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
			"The service is not reachable"),
	UPSTREAM_TIMEOUT("upstream-timeout", HttpStatus.GATEWAY_TIMEOUT, "Service timed out",
			"The service did not answer in time"),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The gateway failed to handle the request");

	private final URI type;

	private final HttpStatus status;

	private final String title;

	private final String errorDetail;

	ProblemType(String slug, HttpStatus status, String title, String errorDetail) {
		this.type = URI.create("https://lazi.io/problems/" + slug);
		this.status = status;
		this.title = title;
		this.errorDetail = errorDetail;
	}

	public URI type() {
		return type;
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	/** The detail when an error escaping routing is answered with this problem. */
	String errorDetail() {
		return errorDetail;
	}
}
