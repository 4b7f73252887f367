package io.lazi.platform.security;

import java.net.URI;
import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.lazi.platform.events.TrustedHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9457 bodies of the security answers, with the {@code type}s the gateway and platform-web
 * use: 401 {@code unauthorized}, 403 {@code forbidden}, 400 {@code missing-tenant} naming the field,
 * 429 {@code rate-limited}, 503 {@code authentication-unavailable} (the identity provider's keys could not be
 * fetched, so the token could not be checked: retry, do not sign in again).
 * A 401 never says why a token was refused beyond "invalid", so it helps no one probe the checks.
 */
public enum SecurityProblems {

	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
	MISSING_TENANT("missing-tenant", HttpStatus.BAD_REQUEST, "Missing tenant"),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	AUTHENTICATION_UNAVAILABLE("authentication-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
			"Authentication unavailable");

	/** Seconds a client waits before it retries a 503 {@link #AUTHENTICATION_UNAVAILABLE}. */
	public static final String RETRY_AFTER_SECONDS = "2";

	/** The detail of a 503 {@link #AUTHENTICATION_UNAVAILABLE}. */
	public static final String UNAVAILABLE_DETAIL = "The token could not be checked now: the identity provider's keys "
			+ "did not arrive in time. Retry shortly with the same token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI type;

	private final HttpStatus status;

	private final String title;

	SecurityProblems(String slug, HttpStatus status, String title) {
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

	/** The {@code application/problem+json} body for a request on {@code path}. */
	public byte[] body(String detail, String path) {

		var problem = new LinkedHashMap<String, @Nullable Object>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", path);
		if (this == MISSING_TENANT) {
			problem.put("field", TrustedHeaders.TENANT_ID);
		}
		return JSON.writeValueAsBytes(problem);
	}

	/** The {@code WWW-Authenticate} value of a 401 (RFC 6750). */
	public static String challenge(boolean tokenPresented) {
		return tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer";
	}

	/** The 401 detail. */
	public static String unauthorizedDetail(boolean tokenPresented) {
		return tokenPresented ? "The bearer token is invalid or expired" : "A bearer token is required";
	}
}
