package io.lazi.notification.fanout.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.lazi.platform.events.TrustedHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the handshake after platform-security has checked token and tenant: a user over
 * {@link WebSocketProperties#handshakesPerMinute()} or at its session cap, or a tenant at its cap, gets
 * 429 {@code https://lazi.io/problems/rate-limited} with {@code Retry-After} before any upgrade, so no
 * socket is held for it. An admitted handshake is counted in {@link SessionSlots} until its session ends
 * ({@link NotificationWebSocketHandler} releases it).
 */
@Component
class HandshakeLimitFilter implements WebFilter, Ordered {

	static final String RATE_LIMITED = "https://lazi.io/problems/rate-limited";

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final SessionSlots slots;

	private final RateLimiterRegistry handshakes;

	private final JsonMapper json;

	HandshakeLimitFilter(SessionSlots slots, WebSocketProperties properties, JsonMapper json) {
		this.slots = slots;
		this.handshakes = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(properties.handshakesPerMinute())
			.limitRefreshPeriod(WINDOW)
			.timeoutDuration(Duration.ZERO)
			.build());
		this.json = json;
	}

	@Override
	public int getOrder() {
		// After Spring Security's chain (-100), which puts the checked token and tenant in place.
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		if (!exchange.getRequest().getPath().pathWithinApplication().value().equals(WebSocketConfiguration.PATH)) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(token -> Optional.of((JwtAuthenticationToken) token))
			.defaultIfEmpty(Optional.empty())
			// Security refuses unauthenticated handshakes before this filter; nothing to count then.
			.flatMap(token -> token.map(jwt -> guard(exchange, chain, jwt)).orElseGet(() -> chain.filter(exchange)));
	}

	private Mono<Void> guard(ServerWebExchange exchange, WebFilterChain chain, JwtAuthenticationToken token) {

		var user = token.getToken().getSubject();
		var tenant = exchange.getRequest().getHeaders().getFirst(TrustedHeaders.TENANT_ID);
		if (!handshakes.rateLimiter(user).acquirePermission()) {
			return tooMany(exchange, WINDOW.toSeconds(), "Too many handshakes of user " + user + "; retry later");
		}
		if (!slots.admit(user, String.valueOf(tenant))) {
			return tooMany(exchange, 30, "Too many open sessions for user " + user + " or tenant " + tenant
					+ "; close one first");
		}
		// The session releases its count when it ends; a handshake that fails before that releases it here.
		return chain.filter(exchange).doOnError(failure -> slots.release(user, String.valueOf(tenant)));
	}

	private Mono<Void> tooMany(ServerWebExchange exchange, long retryAfterSeconds, String detail) {

		var problem = new LinkedHashMap<String, Object>();
		problem.put("type", RATE_LIMITED);
		problem.put("title", "Too many requests");
		problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
		problem.put("detail", detail);
		problem.put("instance", WebSocketConfiguration.PATH);
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
	}
}
