package io.lazi.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests each tenant may send through one gateway instance ({@code lazi.gateway.rate-limit.*}).
 *
 * @param limitForPeriod requests allowed per tenant in each period
 * @param period length of a period; the allowance refills at its end
 */
@ConfigurationProperties("lazi.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("50") int limitForPeriod, @DefaultValue("1s") Duration period) {

	RateLimitProperties {
		if (limitForPeriod < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("lazi.gateway.rate-limit needs a positive limit-for-period and period");
		}
	}
}
