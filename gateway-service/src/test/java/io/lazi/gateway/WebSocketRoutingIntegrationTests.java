package io.lazi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /ws} route against a tiny WebSocket backend that reports the handshake it received. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lazi.websocket.max-sessions-per-user=2", "lazi.websocket.handshakes-per-minute=100" })
class WebSocketRoutingIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final DisposableServer NOTIFICATION = HttpServer.create()
		.port(0)
		.route(routes -> routes.get("/ws", (request, response) -> response.sendWebsocket((in, out) -> {
			var handshake = JSON.createObjectNode()
				.put("uri", request.uri())
				.put("tenant", request.requestHeaders().get("X-Tenant-ID"))
				.put("authorization", request.requestHeaders().get("Authorization"))
				.put("roles", request.requestHeaders().get("X-User-Roles"));
			return out.sendString(Mono.just(JSON.writeValueAsString(handshake))).then(in.receive().then());
		})))
		.bindNow();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("LAZI_NOTIFICATION_URL", () -> "http://localhost:" + NOTIFICATION.port());
	}

	@AfterAll
	static void stopBackend() {
		NOTIFICATION.disposeNow();
	}

	@Test
	void forwardsAnAuthenticatedHandshakeWithTheCheckedTenantAndTheTokenAsAHeaderOnly() {

		var tenant = GatewayIntegrationTests.tenant();
		var token = Tokens.valid("user-9", List.of(tenant), List.of("TECHNICIAN"));

		var handshake = firstFrame(
				URI.create("ws://localhost:" + port + "/ws?access_token=" + token + "&tenant=" + tenant + "&lastEventId=e-41"),
				clientSentRoles("OWNER"));

		assertThat(handshake.get("tenant").asString()).isEqualTo(tenant);
		assertThat(handshake.get("authorization").asString()).isEqualTo("Bearer " + token);
		assertThat(handshake.get("roles").isNull()).isTrue();
		assertThat(handshake.get("uri").asString()).isEqualTo("/ws?lastEventId=e-41");
	}

	@Test
	void acceptsTheTokenAndTenantAsHeadersToo() {

		var tenant = GatewayIntegrationTests.tenant();
		var headers = new HttpHeaders();
		var token = Tokens.valid("user-3", List.of(tenant), List.of("VIEWER"));
		headers.setBearerAuth(token);
		headers.add("X-Tenant-ID", tenant);

		var handshake = firstFrame(URI.create("ws://localhost:" + port + "/ws"), headers);

		assertThat(handshake.get("tenant").asString()).isEqualTo(tenant);
		assertThat(handshake.get("authorization").asString()).isEqualTo("Bearer " + token);
	}

	@Test
	void refusesAHandshakeWithoutAValidTokenOrForAnotherTenant() {

		var tenant = GatewayIntegrationTests.tenant();
		var token = Tokens.valid("user-9", List.of(tenant), List.of("VIEWER"));
		var base = "ws://localhost:" + port + "/ws";

		assertRefused(URI.create(base + "?tenant=" + tenant), 401);
		assertRefused(URI.create(base + "?access_token=" + Tokens.expired("u", List.of(tenant), List.of("VIEWER"))
				+ "&tenant=" + tenant), 401);
		assertRefused(URI.create(base + "?access_token=" + token + "&tenant=" + GatewayIntegrationTests.tenant()), 403);
		assertRefused(URI.create(base + "?access_token=" + token), 400);
	}

	@Test
	void refusesASessionOverTheUsersCapWith429BeforeTheUpgradeAndAdmitsOnceOneCloses() {

		var tenant = GatewayIntegrationTests.tenant();
		var uri = URI.create("ws://localhost:" + port + "/ws?access_token="
				+ Tokens.valid("user-capped", List.of(tenant), List.of("VIEWER")) + "&tenant=" + tenant);
		var first = new ReactorNettyWebSocketClient().execute(uri, new HttpHeaders(), session -> Mono.never()).subscribe();
		var second = new ReactorNettyWebSocketClient().execute(uri, new HttpHeaders(), session -> Mono.never()).subscribe();
		try {
			await().atMost(TIMEOUT).untilAsserted(() -> assertRefused(uri, 429));
			first.dispose();
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(firstFrame(uri, new HttpHeaders())).isNotNull());
		}
		finally {
			first.dispose();
			second.dispose();
		}
	}

	@Test
	void countsOnlyUpgradeRequestsAgainstTheHandshakeRate() {

		var tenant = GatewayIntegrationTests.tenant();
		var token = Tokens.valid("user-reading-docs", List.of(tenant), List.of("VIEWER"));
		var http = WebClient.create("http://localhost:" + port);
		for (int i = 0; i < 120; i++) {
			var status = http.get()
				.uri("/ws/openapi")
				.headers(headers -> {
					headers.setBearerAuth(token);
					headers.add("X-Tenant-ID", tenant);
				})
				.exchangeToMono(response -> Mono.just(response.statusCode().value()))
				.block(TIMEOUT);
			assertThat(status).as("plain GET /ws/openapi #%d", i + 1).isNotEqualTo(429);
		}

		var handshake = firstFrame(URI.create("ws://localhost:" + port + "/ws?access_token=" + token + "&tenant=" + tenant),
				new HttpHeaders());

		assertThat(handshake.get("tenant").asString()).isEqualTo(tenant);
	}

	private static JsonNode firstFrame(URI uri, HttpHeaders headers) {

		var received = new AtomicReference<String>();
		new ReactorNettyWebSocketClient()
			.execute(uri, headers, session -> session.receive()
				.map(WebSocketMessage::getPayloadAsText)
				.next()
				.doOnNext(received::set)
				.then())
			.block(TIMEOUT);
		assertThat(received.get()).as("frame from the backend").isNotNull();
		return JSON.readTree(received.get());
	}

	private static void assertRefused(URI uri, int status) {

		var handshake = new ReactorNettyWebSocketClient().execute(uri, new HttpHeaders(), session -> Mono.never());

		assertThatExceptionOfType(WebSocketClientHandshakeException.class).isThrownBy(() -> handshake.block(TIMEOUT))
			.satisfies(ex -> assertThat(ex.response().status().code()).isEqualTo(status));
	}

	private static HttpHeaders clientSentRoles(String roles) {

		var headers = new HttpHeaders();
		headers.add("X-User-Roles", roles);
		return headers;
	}
}
