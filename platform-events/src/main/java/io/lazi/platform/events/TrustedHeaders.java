package io.lazi.platform.events;

/**
 * The headers of the HTTP contract between callers, the gateway and the services. No header carries
 * identity: every service takes the user or calling service from the bearer token it validates
 * itself, and checks {@link #TENANT_ID} against the token's tenants. The gateway still strips every
 * client-sent {@value #USER_PREFIX}{@code *} header, which nothing behind it reads. Plain names, no
 * Spring, so the reactive gateway, the servlet services and the WebSocket fan-out share one definition.
 */
public final class TrustedHeaders {

	/** The tenant the request acts for: a {@link TenantId} listed in a user token's {@code tenants}. */
	public static final String TENANT_ID = "X-Tenant-ID";

	/** Prefix of the identity headers older gateways set; stripped from every request at the gateway. */
	public static final String USER_PREFIX = "X-User-";

	private TrustedHeaders() {
	}
}
