package io.lazi.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.util.UriComponentsBuilder;

import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.security.TenantCheck;
import io.lazi.platform.security.reactive.ReactiveTenantAccessFilter;

/**
 * How the gateway passes a request on after platform-security's tenant check. Strips client-sent
 * identity headers ({@value TrustedHeaders#USER_PREFIX}{@code *}) from every request; on
 * {@code /api/**}, {@code /images/**} and {@code /ws} it forwards the checked tenant in
 * {@value TrustedHeaders#TENANT_ID} and relays the caller's token as {@code Authorization: Bearer}, so
 * the service checks it again. The handshake's {@code tenant} query parameter is not forwarded (its
 * {@code access_token} never reaches the filter: platform-security moves it into the header first).
 */
final class GatewayForwarding implements ReactiveTenantAccessFilter.Forwarding {

	@Override
	public ServerHttpRequest other(ServerHttpRequest request) {
		return withoutIdentity(request).build();
	}

	@Override
	public ServerHttpRequest granted(ServerHttpRequest request, TenantCheck.Route route, String tenant, Jwt token) {

		var trusted = withoutIdentity(request).headers(headers -> {
			headers.set(TrustedHeaders.TENANT_ID, tenant);
			headers.setBearerAuth(token.getTokenValue());
		});
		if (route == TenantCheck.Route.WEBSOCKET) {
			trusted.uri(UriComponentsBuilder.fromUri(request.getURI())
				.replaceQueryParam("tenant")
				.build(true)
				.toUri());
		}
		return trusted.build();
	}

	private static ServerHttpRequest.Builder withoutIdentity(ServerHttpRequest request) {

		return request.mutate().headers(headers -> {
			headers.remove(TrustedHeaders.TENANT_ID);
			headers.headerNames()
				.stream()
				.filter(name -> name.regionMatches(true, 0, TrustedHeaders.USER_PREFIX, 0, TrustedHeaders.USER_PREFIX.length()))
				.toList()
				.forEach(headers::remove);
		});
	}
}
