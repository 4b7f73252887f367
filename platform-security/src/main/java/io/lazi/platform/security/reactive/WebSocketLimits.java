package io.lazi.platform.security.reactive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WebSocket limits of a reactive service, per instance ({@code lazi.websocket.*}).
 *
 * @param maxSessionsPerUser open sessions one user ({@code sub}) may hold; the next handshake answers 429
 *        ({@code LAZI_WS_MAX_SESSIONS_PER_USER})
 * @param maxSessionsPerTenant open sessions of all users of one tenant ({@code LAZI_WS_MAX_SESSIONS_PER_TENANT})
 * @param handshakesPerMinute handshakes one user may make per minute; more answer 429 with
 *        {@code Retry-After} ({@code LAZI_WS_HANDSHAKES_PER_MINUTE})
 */
@ConfigurationProperties("lazi.websocket")
public record WebSocketLimits(@DefaultValue("10") int maxSessionsPerUser, @DefaultValue("500") int maxSessionsPerTenant,
		@DefaultValue("30") int handshakesPerMinute) {

	public WebSocketLimits {
		if (maxSessionsPerUser < 1 || maxSessionsPerTenant < 1 || handshakesPerMinute < 1) {
			throw new IllegalArgumentException(
					"lazi.websocket max-sessions-per-user, max-sessions-per-tenant and handshakes-per-minute must be positive");
		}
	}
}
