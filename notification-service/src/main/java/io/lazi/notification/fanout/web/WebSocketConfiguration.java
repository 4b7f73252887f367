package io.lazi.notification.fanout.web;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import io.lazi.notification.fanout.TenantChannels;
import tools.jackson.databind.json.JsonMapper;

/** Maps the notification WebSocket at {@code /ws} and guards its handshake. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

	static final String PATH = "/ws";

	@Bean
	HandlerMapping notificationWebSocketMapping(TenantChannels channels, WebSocketProperties properties) {
		return new SimpleUrlHandlerMapping(Map.of(PATH, new NotificationWebSocketHandler(channels, properties.heartbeat())),
				Ordered.HIGHEST_PRECEDENCE);
	}

	@Bean
	TenantHandshakeFilter tenantHandshakeFilter(JsonMapper json) {
		return new TenantHandshakeFilter(PATH, json);
	}
}
