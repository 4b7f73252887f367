package io.lazi.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests each tenant may send through the gateway ({@code lazi.gateway.rate-limit.*}). The gateway has no
 * shared store, so each replica counts in its own memory: {@code limitForPeriod} is the tenant's budget for
 * the whole deployment, and each of the {@code replicas} allows its share, {@link #perReplica()}.
 *
 * @param limitForPeriod requests allowed per tenant in each period, across all replicas
 * @param period length of a period; the allowance refills at its end
 * @param replicas how many gateway replicas share the budget ({@code LAZI_GATEWAY_REPLICAS}; the chart sets
 * it from its replica count, or the autoscaler's minimum)
 */
@ConfigurationProperties("lazi.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("50") int limitForPeriod, @DefaultValue("1s") Duration period,
		@DefaultValue("1") int replicas) {

	RateLimitProperties {
		if (limitForPeriod < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("lazi.gateway.rate-limit needs a positive limit-for-period and period");
		}
		if (replicas < 1) {
			throw new IllegalArgumentException("lazi.gateway.rate-limit.replicas must be 1 or more, not " + replicas);
		}
	}

	/**
	 * The requests one replica allows per tenant and period: the budget divided by the replicas, rounded
	 * down so that the replicas together never allow more than the budget, but at least 1.
	 */
	int perReplica() {
		return Math.max(1, limitForPeriod / replicas);
	}
}
