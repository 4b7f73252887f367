package io.lazi.platform.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

import io.lazi.platform.events.TenantId;
import io.lazi.platform.events.TrustedHeaders;

/**
 * The tenant check of user routes, the same at the gateway and at every service: a request on
 * {@code /api/**} or {@code /images/**} names exactly one tenant in {@value TrustedHeaders#TENANT_ID}
 * (the WebSocket handshake may use {@code ?tenant=} instead, browsers cannot set headers there), and
 * the token's {@code tenants} must list it. Internal APIs are called with service tokens, which grant
 * no tenant: the called controller only requires the header there.
 */
public final class TenantCheck {

	/** Detail of the 400 for a missing, repeated or malformed tenant. */
	public static final String MISSING_DETAIL = "Exactly one X-Tenant-ID header of digits is required";

	private TenantCheck() {
	}

	/** How a path is checked. */
	public enum Route {

		/** REST and image routes: the header. */
		API,
		/** The WebSocket handshake: the header or {@code ?tenant=}. */
		WEBSOCKET,
		/** Everything else, internal APIs included: no tenant check here. */
		OTHER;

		public static Route of(String path) {

			if (path.startsWith("/api/") || path.startsWith("/images/")) {
				return API;
			}
			if (path.equals("/ws") || path.startsWith("/ws/")) {
				return WEBSOCKET;
			}
			return OTHER;
		}
	}

	/**
	 * @param tenant the tenant the request acts for, when it named exactly one well-formed tenant
	 * @param granted whether the token lists it
	 */
	public record Decision(@Nullable String tenant, boolean granted) {

		public boolean missing() {
			return tenant == null;
		}

		/** The 403 detail. */
		public String forbiddenDetail() {
			return "The token does not grant tenant " + tenant;
		}

		/**
		 * The problem that refuses the request, servlet or reactive alike: 400 missing tenant, 403 tenant
		 * not granted; {@code null} when the tenant is granted.
		 */
		public @Nullable SecurityProblems refusal() {
			return missing() ? SecurityProblems.MISSING_TENANT : granted ? null : SecurityProblems.FORBIDDEN;
		}

		/** The detail of {@link #refusal()}. */
		public String refusalDetail() {
			return missing() ? MISSING_DETAIL : forbiddenDetail();
		}
	}

	/**
	 * @param headers the request's {@value TrustedHeaders#TENANT_ID} values
	 * @param query its {@code tenant} query values (considered only for {@link Route#WEBSOCKET})
	 */
	public static Decision decide(Route route, List<String> headers, List<String> query, Jwt jwt) {

		var tenant = tenant(route, headers, query);
		return new Decision(tenant, tenant != null && TokenClaims.tenants(jwt).contains(tenant));
	}

	private static @Nullable String tenant(Route route, List<String> headers, List<String> query) {

		var named = headers;
		if (route == Route.WEBSOCKET) {
			if (headers.isEmpty()) {
				named = query;
			}
			else if (!query.isEmpty() && !query.equals(headers)) {
				return null;
			}
		}
		return named.size() == 1 && TenantId.isValid(named.getFirst()) ? named.getFirst() : null;
	}
}
