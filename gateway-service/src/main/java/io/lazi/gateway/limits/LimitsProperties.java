package io.lazi.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits of the gateway ({@code lazi.gateway.limits.*}).
 *
 * @param maxJsonBody largest JSON request body forwarded ({@code LAZI_MAX_JSON_BODY}, default 1MB)
 */
@ConfigurationProperties("lazi.gateway.limits")
record LimitsProperties(@DefaultValue("1MB") DataSize maxJsonBody) {

	LimitsProperties {
		if (maxJsonBody.toBytes() <= 0) {
			throw new IllegalArgumentException("lazi.gateway.limits.max-json-body must be positive");
		}
	}
}
