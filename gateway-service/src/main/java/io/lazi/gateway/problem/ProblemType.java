package io.lazi.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The problems the gateway answers with: stable {@code type} URI, status and title of each. */
public enum ProblemType {

	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
	MISSING_TENANT("missing-tenant", HttpStatus.BAD_REQUEST, "Missing tenant"),
	CONTENT_TOO_LARGE("content-too-large", HttpStatus.CONTENT_TOO_LARGE, "Content too large"),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
	INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
	UPSTREAM_UNAVAILABLE("upstream-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
	UPSTREAM_TIMEOUT("upstream-timeout", HttpStatus.GATEWAY_TIMEOUT, "Service timed out"),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	private final URI type;

	private final HttpStatus status;

	private final String title;

	ProblemType(String slug, HttpStatus status, String title) {
		this.type = URI.create("https://lazi.io/problems/" + slug);
		this.status = status;
		this.title = title;
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
}
