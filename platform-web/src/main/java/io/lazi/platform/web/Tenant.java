package io.lazi.platform.web;

import java.util.regex.Pattern;

/**
 * The tenant a request acts for: a ServiceTitan tenant id (1–19 digits). Declare a controller
 * method parameter of this type to receive it from the {@value TrustedHeaders#TENANT_ID} header;
 * a missing or malformed header answers 400 {@code https://lazi.io/problems/missing-tenant}.
 */
public record Tenant(String id) {

	private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

	public Tenant {
		if (id == null || !DIGITS.matcher(id).matches()) {
			throw new IllegalArgumentException("tenant id must be 1-19 digits");
		}
	}

	@Override
	public String toString() {
		return id;
	}
}
