package io.lazi.platform.web;

/**
 * Headers the gateway sets after validating the caller's JWT; any client-sent copies are stripped
 * there, so services behind the gateway trust them.
 */
public final class TrustedHeaders {

	/** The tenant the request acts for (ServiceTitan tenant id, digits). */
	public static final String TENANT_ID = "X-Tenant-ID";

	/** The token's subject. */
	public static final String USER_ID = "X-User-Id";

	/** The token's roles, comma-separated ({@code OWNER}, {@code ADMIN}, …). */
	public static final String USER_ROLES = "X-User-Roles";

	private TrustedHeaders() {
	}
}
