package io.lazi.stsimulator.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-tenant API budget: at most {@code requests} API calls in any sliding {@code window}
 * (ServiceTitan: 60 per second per app and tenant). The token endpoint is not counted.
 *
 * @param requests the calls allowed per window
 * @param window the window length
 */
@ConfigurationProperties("lazi.st-simulator.rate-limit")
record RateLimitSettings(@DefaultValue("60") int requests, @DefaultValue("1s") Duration window) {
}
