package io.lazi.platform.web;

import java.net.URI;

/** Stable RFC 9457 {@code type} URIs of Lazi's problem responses. */
public final class Problems {

	public static final URI NOT_FOUND = URI.create("https://lazi.io/problems/not-found");

	public static final URI VALIDATION = URI.create("https://lazi.io/problems/validation");

	public static final URI MISSING_TENANT = URI.create("https://lazi.io/problems/missing-tenant");

	public static final URI CONTENT_TOO_LARGE = URI.create("https://lazi.io/problems/content-too-large");

	public static final URI CONFLICT = URI.create("https://lazi.io/problems/conflict");

	/** An {@code If-Match} named a version of the record that is no longer the current one (412). */
	public static final URI PRECONDITION_FAILED = URI.create("https://lazi.io/problems/precondition-failed");

	public static final URI INTERNAL = URI.create("https://lazi.io/problems/internal");

	private Problems() {
	}
}
