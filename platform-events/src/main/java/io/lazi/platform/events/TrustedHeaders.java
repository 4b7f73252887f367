package io.lazi.platform.events;

/**
 * The identity headers of the HTTP contract between the gateway and the services behind it. The
 * gateway strips client-sent copies (and every other {@value #USER_PREFIX}{@code *} header), checks
 * the caller's token and sets them, so services trust them; a service calling another service's
 * internal API sets {@link #TENANT_ID} itself. Plain names, no Spring, so the reactive gateway, the
 * servlet services and the WebSocket fan-out share one definition.
 */
public final class TrustedHeaders {

	/** The tenant the request acts for: a {@link TenantId} listed in the caller's token. */
	public static final String TENANT_ID = "X-Tenant-ID";

	/** The token's {@code sub}. */
	public static final String USER_ID = "X-User-Id";

	/** The token's known roles, comma-separated, e.g. {@code ADMIN,VIEWER}. */
	public static final String USER_ROLES = "X-User-Roles";

	/** Prefix of every user header; the gateway forwards only those it sets. */
	public static final String USER_PREFIX = "X-User-";

	private TrustedHeaders() {
	}
}
