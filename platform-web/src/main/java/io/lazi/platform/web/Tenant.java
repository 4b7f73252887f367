package io.lazi.platform.web;

import io.lazi.platform.events.TenantId;
import io.lazi.platform.events.TrustedHeaders;

/**
 * The tenant a request acts for, as a controller parameter: declare a parameter of this type to
 * receive it from the {@value TrustedHeaders#TENANT_ID} header; a missing or malformed header answers
 * 400 {@code https://lazi.io/problems/missing-tenant}. Pass it on down to the repositories, which
 * filter by {@link #id()}. The rule for a well-formed id is {@link TenantId}'s.
 *
 * @param id the ServiceTitan tenant id (digits)
 * @throws IllegalArgumentException when {@code id} is not a {@link TenantId}
 */
public record Tenant(String id) {

	public Tenant {
		if (!TenantId.isValid(id)) {
			throw new IllegalArgumentException("tenant id must be 1-19 digits");
		}
	}

	@Override
	public String toString() {
		return id;
	}
}
