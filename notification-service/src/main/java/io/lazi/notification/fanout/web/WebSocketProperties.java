package io.lazi.notification.fanout.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WebSocket settings ({@code lazi.notification.websocket.*}).
 *
 * @param heartbeat interval of pings to each session, below the idle timeout of proxies on the way
 * @param maxSessionsPerUser open sessions one user ({@code sub}) may hold on this instance; the next
 *        handshake answers 429
 * @param maxSessionsPerTenant open sessions of all users of one tenant on this instance
 * @param handshakesPerMinute handshakes one user may make per minute; more answer 429 with
 *        {@code Retry-After}
 */
@ConfigurationProperties("lazi.notification.websocket")
record WebSocketProperties(@DefaultValue("25s") Duration heartbeat, @DefaultValue("10") int maxSessionsPerUser,
		@DefaultValue("500") int maxSessionsPerTenant, @DefaultValue("30") int handshakesPerMinute) {

	WebSocketProperties {
		if (maxSessionsPerUser < 1 || maxSessionsPerTenant < 1 || handshakesPerMinute < 1) {
			throw new IllegalArgumentException(
					"lazi.notification.websocket max-sessions-per-user, max-sessions-per-tenant and handshakes-per-minute must be positive");
		}
	}
}
