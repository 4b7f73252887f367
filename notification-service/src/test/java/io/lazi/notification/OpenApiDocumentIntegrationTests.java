package io.lazi.notification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.lazi.platform.test.OpenApiContract;
import io.lazi.platform.test.OpenApiDocument;

/**
 * The service's OpenAPI document (the WebSocket handshake), held to the committed one (see
 * {@link OpenApiContract}). Same context as {@link NotificationIntegrationTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lazi.websocket.handshakes-per-minute=10000",
				"lazi.websocket.max-sessions-per-user=1000" })
@OpenApiDocument(service = "notification-service", path = "/ws/openapi")
class OpenApiDocumentIntegrationTests implements OpenApiContract {
}
