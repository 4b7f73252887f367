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
import io.lazi.platform.events.TenantId;
import io.lazi.platform.events.TrustedHeaders;
import reactor.core.publisher.Mono;

/**
 * Runs after authorization. Strips client-sent identity headers from every request; on
 * {@code /api/**} and {@code /ws} it then requires the tenant (header {@code X-Tenant-ID}, or on the
 * handshake {@code ?tenant=}) to be one of the token's {@code tenants} (400 missing-tenant when absent,
 * repeated or not digits; 403 forbidden when not granted) and forwards the trusted identity headers.
 * The handshake's {@code access_token} and {@code tenant} query parameters are not forwarded.
 */
final class TenantAccessFilter implements WebFilter {

	private final ProblemResponses problems;

	TenantAccessFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		var scope = Scope.of(exchange.getRequest());
		if (scope == Scope.OTHER) {
			return chain.filter(exchange.mutate().request(withoutIdentity(exchange.getRequest()).build()).build());
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(authentication -> check(exchange, chain, scope, authentication.orElse(null)));
	}

	private Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain, Scope scope,
			@Nullable Authentication authentication) {

		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return problems.write(exchange, ProblemType.UNAUTHORIZED, "A valid bearer token is required");
		}
		var request = exchange.getRequest();
		var tenant = tenant(request, scope);
		if (tenant == null) {
			return problems.write(exchange, ProblemType.MISSING_TENANT,
					"Exactly one X-Tenant-ID header of digits is required");
		}
		var jwt = token.getToken();
		if (!TokenAuthorities.tenants(jwt).contains(tenant)) {
			return problems.write(exchange, ProblemType.FORBIDDEN, "The token does not grant tenant " + tenant);
		}
		var roles = String.join(",", TokenAuthorities.roles(jwt).stream().map(Role::name).toList());
		var trusted = withoutIdentity(request).header(TrustedHeaders.TENANT_ID, tenant)
			.header(TrustedHeaders.USER_ID, jwt.getSubject())
			.header(TrustedHeaders.USER_ROLES, roles);
		if (scope == Scope.WEBSOCKET) {
			trusted.uri(UriComponentsBuilder.fromUri(request.getURI())
				.replaceQueryParam("access_token")
				.replaceQueryParam("tenant")
				.build(true)
				.toUri());
		}
		return chain.filter(exchange.mutate().request(trusted.build()).build());
	}

	/** The single tenant the request names, or {@code null} when it names none, several or a malformed one. */
	private static @Nullable String tenant(ServerHttpRequest request, Scope scope) {

		var headers = request.getHeaders().getValuesAsList(TrustedHeaders.TENANT_ID);
		if (scope == Scope.WEBSOCKET) {
			var query = request.getQueryParams().getOrDefault("tenant", List.of());
			if (headers.isEmpty()) {
				headers = query;
			}
			else if (!query.isEmpty() && !query.equals(headers)) {
				return null;
			}
		}
		return headers.size() == 1 && TenantId.isValid(headers.getFirst()) ? headers.getFirst() : null;
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
