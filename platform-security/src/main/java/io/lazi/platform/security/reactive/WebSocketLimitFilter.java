package io.lazi.platform.security.reactive;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.security.SecurityProblems;
import io.lazi.platform.security.TenantCheck;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Guards the WebSocket handshake (an {@code Upgrade: websocket} request to {@code /ws} or {@code /ws/**})
 * after the security chain has checked token and tenant; plain HTTP requests there (the route's OpenAPI
 * document) are not handshakes and count against nothing: a user over {@link WebSocketLimits#handshakesPerMinute()} or at its session cap, or a
 * tenant at its cap, gets 429 {@code https://lazi.io/problems/rate-limited} with {@code Retry-After}
 * before any upgrade, so no socket is held for it. An admitted handshake counts in
 * {@link WebSocketSessions} until its connection closes, whatever ends it.
 */
final class WebSocketLimitFilter implements WebFilter, Ordered {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/** A refused session waits for another to close; a minute of reconnect attempts is what it is spared. */
	private static final long SESSION_RETRY_SECONDS = 30;

	private final WebSocketSessions sessions;

	private final RateLimiterRegistry handshakes;

	WebSocketLimitFilter(WebSocketSessions sessions, WebSocketLimits limits) {
		this.sessions = sessions;
		this.handshakes = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(limits.handshakesPerMinute())
			.limitRefreshPeriod(WINDOW)
			.timeoutDuration(Duration.ZERO)
			.build());
	}

	@Override
	public int getOrder() {
		// After Spring Security's chain (-100), which puts the checked token and tenant in place.
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		var path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (TenantCheck.Route.of(path) != TenantCheck.Route.WEBSOCKET
				|| !"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
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
		var tenant = String.valueOf(exchange.getRequest().getHeaders().getFirst(TrustedHeaders.TENANT_ID));
		if (!handshakes.rateLimiter(user).acquirePermission()) {
			return tooMany(exchange, WINDOW.toSeconds(), "Too many WebSocket handshakes of user " + user + "; retry later");
		}
		if (!sessions.admit(user, tenant)) {
			return tooMany(exchange, SESSION_RETRY_SECONDS, "Too many open WebSocket sessions for user " + user
					+ " or tenant " + tenant + "; close one first");
		}
		var released = new AtomicBoolean();
		Runnable release = () -> {
			if (released.compareAndSet(false, true)) {
				sessions.release(user, tenant);
			}
		};
		// The connection outlives this chain (the upgrade returns early): its closing frees the session.
		if (ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse()) instanceof HttpServerResponse netty) {
			netty.withConnection(connection -> connection.onDispose(release::run));
		}
		else {
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(release));
		}
		return chain.filter(exchange).doOnError(failure -> release.run());
	}

	private static Mono<Void> tooMany(ServerWebExchange exchange, long retryAfterSeconds, String detail) {

		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return ReactiveProblemHandlers.write(exchange, SecurityProblems.RATE_LIMITED, detail);
	}
}
