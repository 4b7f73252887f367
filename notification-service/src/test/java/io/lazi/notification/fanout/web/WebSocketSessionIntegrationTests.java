package io.lazi.notification.fanout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.lazi.platform.test.TestTokens;

/**
 * What a session may hold and for how long: it closes with 4401 when its token expires unless the
 * client re-authenticates in-band (a refused token closes it with 4403); handshakes over the per-user
 * session cap, the per-tenant cap or the per-user handshake rate answer 429 before the upgrade.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lazi.websocket.max-sessions-per-user=2",
				"lazi.websocket.max-sessions-per-tenant=3",
				"lazi.websocket.handshakes-per-minute=8" })
class WebSocketSessionIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Test
	void closesWith4401WhenTheTokenExpires() {

		var tenant = tenant();
		try (var socket = open(token(user(), tenant, Duration.ofSeconds(3)), tenant)) {
			await().atMost(TIMEOUT).until(() -> socket.closeCode.isDone());
			assertThat(socket.closeCode.join()).isEqualTo(NotificationWebSocketHandler.TOKEN_EXPIRED_CODE);
		}
	}

	@Test
	void staysOpenPastTheFirstExpiryWhenTheClientReauthenticates() throws Exception {

		var tenant = tenant();
		var user = user();
		try (var socket = open(token(user, tenant, Duration.ofSeconds(3)), tenant)) {
			socket.send("{\"type\":\"authenticate\",\"token\":\"" + token(user, tenant, Duration.ofMinutes(10)) + "\"}");
			await().atMost(TIMEOUT).until(() -> socket.texts.stream().anyMatch(text -> text.contains("\"authenticated\"")));
			Thread.sleep(Duration.ofSeconds(5));
			assertThat(socket.closeCode).isNotDone();
		}
	}

	@Test
	void closesWith4403WhenTheInBandTokenIsAnotherUsers() {

		var tenant = tenant();
		try (var socket = open(token(user(), tenant, Duration.ofMinutes(10)), tenant)) {
			socket.send("{\"type\":\"authenticate\",\"token\":\"" + token(user(), tenant, Duration.ofMinutes(10)) + "\"}");
			await().atMost(TIMEOUT).until(() -> socket.closeCode.isDone());
			assertThat(socket.closeCode.join()).isEqualTo(NotificationWebSocketHandler.TOKEN_REFUSED_CODE);
		}
	}

	@Test
	void capsTheSessionsOfOneUserAndAdmitsAgainOnceOneCloses() {

		var tenant = tenant();
		var token = token(user(), tenant, Duration.ofMinutes(10));
		var first = open(token, tenant);
		try (var second = open(token, tenant)) {
			assertRefused429(token, tenant);
			first.close();
			await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> open(token, tenant).close());
		}
		finally {
			first.close();
		}
	}

	@Test
	void capsTheSessionsOfOneTenant() {

		var tenant = tenant();
		var sockets = new java.util.ArrayList<Socket>();
		try {
			for (int i = 0; i < 3; i++) {
				sockets.add(open(token(user(), tenant, Duration.ofMinutes(10)), tenant));
			}
			assertRefused429(token(user(), tenant, Duration.ofMinutes(10)), tenant);
		}
		finally {
			sockets.forEach(Socket::close);
		}
	}

	@Test
	void limitsTheHandshakeRateOfOneUser() {

		var tenant = tenant();
		var token = token(user(), tenant, Duration.ofMinutes(10));
		for (int i = 0; i < 8; i++) {
			open(token, tenant).close();
		}
		var refused = assertRefused429(token, tenant);
		assertThat(refused.getResponse().headers().firstValue("Retry-After")).isPresent();
	}

	private WebSocketHandshakeException assertRefused429(String token, String tenant) {

		var failure = assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> open(token, tenant)).actual();
		assertThat(failure.getCause()).isInstanceOf(WebSocketHandshakeException.class);
		var refused = (WebSocketHandshakeException) failure.getCause();
		assertThat(refused.getResponse().statusCode()).isEqualTo(429);
		return refused;
	}

	private Socket open(String token, String tenant) {

		var socket = new Socket();
		var uri = URI.create("ws://localhost:" + port + "/ws?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
				+ "&tenant=" + tenant);
		socket.webSocket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, socket).join();
		return socket;
	}

	private static String token(String user, String tenant, Duration lifetime) {
		return TestTokens.user(user, List.of(tenant), List.of("VIEWER")).lifetime(lifetime).sign();
	}

	private static String user() {
		return "user-" + UUID.randomUUID();
	}

	private static String tenant() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
	}

	/** A browser-like client: token and tenant in the query; keeps text frames and the close code. */
	static final class Socket implements WebSocket.Listener, AutoCloseable {

		final List<String> texts = new CopyOnWriteArrayList<>();

		final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		WebSocket webSocket;

		void send(String text) {
			webSocket.sendText(text, true).join();
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {

			partial.append(data);
			if (last) {
				texts.add(partial.toString());
				partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			closeCode.complete(statusCode);
			return null;
		}

		@Override
		public void close() {
			if (!webSocket.isOutputClosed()) {
				webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(ex -> null).join();
			}
			webSocket.abort();
		}
	}
}
