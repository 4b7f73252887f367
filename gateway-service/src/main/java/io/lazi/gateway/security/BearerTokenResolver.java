package io.lazi.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import io.lazi.platform.security.TenantCheck;
import reactor.core.publisher.Mono;

/**
 * Takes the bearer token from the {@code Authorization} header, and on the WebSocket handshake
 * (browsers cannot set headers there) also from {@code ?access_token=}. Nowhere else is a token in
 * the URL accepted.
 */
final class BearerTokenResolver implements ServerAuthenticationConverter {

	private final ServerBearerTokenAuthenticationConverter headerOnly = new ServerBearerTokenAuthenticationConverter();

	private final ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();

	BearerTokenResolver() {
		headerOrQuery.setAllowUriQueryParameter(true);
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return TenantCheck.Route.of(exchange.getRequest().getPath().pathWithinApplication().value()) == TenantCheck.Route.WEBSOCKET ? headerOrQuery.convert(exchange)
				: headerOnly.convert(exchange);
	}
}
