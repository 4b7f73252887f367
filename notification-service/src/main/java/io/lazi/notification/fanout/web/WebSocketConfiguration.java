package io.lazi.notification.fanout.web;

import java.time.Clock;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import io.lazi.notification.fanout.TenantChannels;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps the notification WebSocket at {@code /ws}. platform-security guards the handshake: a valid token
 * (header or {@code ?access_token=}) granting the tenant of {@code X-Tenant-ID} or {@code ?tenant=}.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

	static final String PATH = "/ws";

	/** The handshake in the service's OpenAPI document, which springdoc cannot see in a handler mapping. */
	@Bean
	OpenApiCustomizer notificationWebSocketDocumentation() {
		return new WebSocketDocumentation();
	}

	@Bean
	SessionDrain notificationSessionDrain() {
		return new SessionDrain();
	}

	@Bean
	HandlerMapping notificationWebSocketMapping(TenantChannels channels, WebSocketProperties properties,
			ReactiveJwtDecoder decoder, JsonMapper json, SessionDrain drain) {
		var handler = new NotificationWebSocketHandler(channels, properties.heartbeat(), new SessionAuthentication(decoder),
				json, Clock.systemUTC(), drain);
		return new SimpleUrlHandlerMapping(Map.of(PATH, handler), Ordered.HIGHEST_PRECEDENCE);
	}
}
