package io.lazi.gateway.ratelimit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.security.SecurityProblems;
import io.lazi.platform.security.reactive.ReactiveProblemHandlers;
import reactor.core.publisher.Mono;

/**
 * Answers 429 rate-limited with {@code Retry-After} (seconds) once a tenant has used this replica's share
 * of its allowance ({@link RateLimitProperties#perReplica()}) for the current period on {@code /api/**}.
 * Runs on routed requests, after the security chain has replaced {@code X-Tenant-ID} with the checked
 * tenant. Never waits for a permit.
 */
@Component
class TenantRateLimitFilter implements GlobalFilter, Ordered {

	private static final Logger LOG = LoggerFactory.getLogger(TenantRateLimitFilter.class);

	private final RateLimiterRegistry limiters;

	private final String retryAfterSeconds;

	TenantRateLimitFilter(RateLimitProperties properties) {
		this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(properties.perReplica())
			.limitRefreshPeriod(properties.period())
			.timeoutDuration(Duration.ZERO)
			.build());
		// A refused tenant gets a permit again at the next refresh, at most one period away.
		this.retryAfterSeconds = Long.toString(Math.max(1, (properties.period().toMillis() + 999) / 1000));
		LOG.info("Rate limit per tenant: {} requests per {} on this replica, the share of {} across {} replicas",
				properties.perReplica(), properties.period(), properties.limitForPeriod(), properties.replicas());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {

		var request = exchange.getRequest();
		var tenant = request.getHeaders().getFirst(TrustedHeaders.TENANT_ID);
		if (tenant == null || !request.getPath().pathWithinApplication().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		if (limiters.rateLimiter(tenant).acquirePermission()) {
			return chain.filter(exchange);
		}
		LOG.debug("Tenant {} is over its rate limit", tenant);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
		return ReactiveProblemHandlers.write(exchange, SecurityProblems.RATE_LIMITED,
				"Tenant " + tenant + " sent too many requests; retry after " + retryAfterSeconds + " s");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
