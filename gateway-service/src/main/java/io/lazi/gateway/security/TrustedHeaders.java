package io.lazi.gateway.security;

/**
 * Headers the gateway sets after checking the caller's token; client-sent copies (and every other
 * {@code X-User-*} header) are stripped first, so services behind the gateway may trust them.
 */
public final class TrustedHeaders {

	/** The tenant the request acts for, a ServiceTitan tenant id (digits) listed in the token. */
	public static final String TENANT_ID = "X-Tenant-ID";

	/** The token's {@code sub}. */
	public static final String USER_ID = "X-User-Id";

	/** The token's known roles, comma-separated, e.g. {@code ADMIN,VIEWER}. */
	public static final String USER_ROLES = "X-User-Roles";

	static final String USER_PREFIX = "X-User-";

	private TrustedHeaders() {
	}
}
