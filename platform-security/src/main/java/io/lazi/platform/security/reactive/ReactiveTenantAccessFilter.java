package io.lazi.platform.security.reactive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.observability.TenantLogContext;
import io.lazi.platform.security.SecurityProblems;
import io.lazi.platform.security.TenantCheck;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Applies {@link TenantCheck} after authorization (400 missing tenant, 403 tenant not granted), then
 * passes the request on as its {@link Forwarding} says: a service's ({@link #SERVICE}) with the
 * checked tenant in {@value TrustedHeaders#TENANT_ID}, also when the handshake named it in
 * {@code ?tenant=}. The granted tenant is the exchange attribute {@link #TENANT_ATTRIBUTE} (for the
 * gateway's access log) and, under {@link TenantLogContext#KEY}, in the Reactor context of the rest of the
 * chain, from which context propagation puts it in the logging MDC of every thread that works on the
 * request.
 */
@RequiredArgsConstructor
public final class ReactiveTenantAccessFilter implements WebFilter {

	/** A service's forwarding: the checked tenant in {@value TrustedHeaders#TENANT_ID}. */
	public static final Forwarding SERVICE = (request, route, tenant, token) -> request.mutate()
		.headers(headers -> headers.set(TrustedHeaders.TENANT_ID, tenant))
		.build();

	/** The exchange attribute holding the tenant the check granted; absent on other routes and refusals. */
	public static final String TENANT_ATTRIBUTE = ReactiveTenantAccessFilter.class.getName() + ".tenant";

	private final Forwarding forwarding;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		var route = TenantCheck.Route.of(exchange.getRequest().getPath().pathWithinApplication().value());
		if (route == TenantCheck.Route.OTHER) {
			return chain.filter(exchange.mutate().request(forwarding.other(exchange.getRequest())).build());
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
			return ReactiveProblemHandlers.write(exchange, SecurityProblems.UNAUTHORIZED,
					SecurityProblems.unauthorizedDetail(false));
		}
		var request = exchange.getRequest();
		var decision = TenantCheck.decide(route, request.getHeaders().getValuesAsList(TrustedHeaders.TENANT_ID),
				request.getQueryParams().getOrDefault("tenant", List.of()), token.getToken());
		var refusal = decision.refusal();
		if (refusal != null) {
			return ReactiveProblemHandlers.write(exchange, refusal, decision.refusalDetail());
		}
		var tenant = Objects.requireNonNull(decision.tenant());
		exchange.getAttributes().put(TENANT_ATTRIBUTE, tenant);
		var forwarded = forwarding.granted(request, route, tenant, token.getToken());
		return chain.filter(exchange.mutate().request(forwarded).build())
			.contextWrite(Context.of(TenantLogContext.KEY, tenant));
	}

	/** How a request passes on: the gateway's relays more than a service's. */
	@FunctionalInterface
	public interface Forwarding {

		/** A request whose {@code tenant} was granted on {@code route} to the caller of {@code token}. */
		ServerHttpRequest granted(ServerHttpRequest request, TenantCheck.Route route, String tenant, Jwt token);

		/** A request on no tenant route; as it came unless overridden. */
		default ServerHttpRequest other(ServerHttpRequest request) {
			return request;
		}
	}
}
