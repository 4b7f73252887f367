package io.lazi.notification.fanout.web;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import io.lazi.notification.fanout.TenantChannels;

/**
 * Maps the notification WebSocket at {@code /ws}. platform-security guards the handshake: a valid token
 * (header or {@code ?access_token=}) granting the tenant of {@code X-Tenant-ID} or {@code ?tenant=}.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

	static final String PATH = "/ws";

	@Bean
	HandlerMapping notificationWebSocketMapping(TenantChannels channels, WebSocketProperties properties) {
		return new SimpleUrlHandlerMapping(Map.of(PATH, new NotificationWebSocketHandler(channels, properties.heartbeat())),
				Ordered.HIGHEST_PRECEDENCE);
	}
}
