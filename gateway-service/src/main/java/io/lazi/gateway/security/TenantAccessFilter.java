package io.lazi.gateway.security;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

import io.lazi.gateway.problem.ProblemResponses;
import io.lazi.gateway.problem.ProblemType;
import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.security.TenantCheck;
import reactor.core.publisher.Mono;

/**
 * Runs after authorization. Strips client-sent identity headers ({@value TrustedHeaders#USER_PREFIX}{@code *})
 * from every request; on {@code /api/**}, {@code /images/**} and {@code /ws} it then applies
 * {@link TenantCheck} (400 missing-tenant, 403 forbidden), forwards the checked tenant in
 * {@value TrustedHeaders#TENANT_ID} and relays the caller's token as {@code Authorization: Bearer}, so
 * the service checks it again. The handshake's {@code tenant} query parameter is not forwarded (its
 * {@code access_token} never reaches this filter: platform-security moves it into the header first).
 */
final class TenantAccessFilter implements WebFilter {

	private final ProblemResponses problems;

	TenantAccessFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		var route = TenantCheck.Route.of(exchange.getRequest().getPath().pathWithinApplication().value());
		if (route == TenantCheck.Route.OTHER) {
			return chain.filter(exchange.mutate().request(withoutIdentity(exchange.getRequest()).build()).build());
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(authentication -> check(exchange, chain, route, authentication.orElse(null)));
	}

	private Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain, TenantCheck.Route route,
			@Nullable Authentication authentication) {

		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return problems.write(exchange, ProblemType.UNAUTHORIZED, "A valid bearer token is required");
		}
		var request = exchange.getRequest();
		var decision = TenantCheck.decide(route, request.getHeaders().getValuesAsList(TrustedHeaders.TENANT_ID),
				request.getQueryParams().getOrDefault("tenant", List.of()), token.getToken());
		if (decision.missing()) {
			return problems.write(exchange, ProblemType.MISSING_TENANT, TenantCheck.MISSING_DETAIL);
		}
		if (!decision.granted()) {
			return problems.write(exchange, ProblemType.FORBIDDEN, decision.forbiddenDetail());
		}
		var trusted = withoutIdentity(request).headers(headers -> {
			headers.set(TrustedHeaders.TENANT_ID, decision.tenant());
			headers.setBearerAuth(token.getToken().getTokenValue());
		});
		if (route == TenantCheck.Route.WEBSOCKET) {
			trusted.uri(UriComponentsBuilder.fromUri(request.getURI())
				.replaceQueryParam("tenant")
				.build(true)
				.toUri());
		}
		return chain.filter(exchange.mutate().request(trusted.build()).build());
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
