package io.lazi.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the gateway ({@code lazi.gateway.cors.*}).
 *
 * @param allowedOrigins exact origins, e.g. {@code https://app.lazi.io}
 * @param maxAge how long browsers may cache a preflight answer
 */
@ConfigurationProperties("lazi.gateway.cors")
record CorsProperties(@DefaultValue({ "http://localhost:5173", "http://localhost:3000" }) List<String> allowedOrigins,
		@DefaultValue("1h") Duration maxAge) {
}
