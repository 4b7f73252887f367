package io.lazi.notification;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

import io.lazi.platform.test.TestTokens;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client that keeps every text frame it receives. */
final class TestSocket implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> frames = new CopyOnWriteArrayList<>();

	private final Disposable connection;

	private volatile @Nullable CloseStatus closeStatus;

	private TestSocket(URI uri, HttpHeaders headers) {

		connection = new ReactorNettyWebSocketClient()
			.execute(uri, headers, session -> session.receive()
				.filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
				.map(WebSocketMessage::getPayloadAsText)
				.doOnNext(text -> frames.add(JSON.readTree(text)))
				.then()
				.and(session.closeStatus().doOnNext(status -> closeStatus = status)))
			.subscribe();
	}

	static TestSocket open(URI uri, String tenant) {
		return open(uri, tenant, TestTokens.USER);
	}

	/** A session of {@code user} (its token's {@code sub}) in {@code tenant}. */
	static TestSocket open(URI uri, String tenant, String user) {

		var headers = new HttpHeaders();
		headers.add("X-Tenant-ID", tenant);
		headers.setBearerAuth(TestTokens.user(user, List.of(tenant), List.of("VIEWER")).sign());
		return new TestSocket(uri, headers);
	}

	List<JsonNode> frames() {
		return List.copyOf(frames);
	}

	List<String> events() {
		return frames.stream().map(frame -> frame.get("event").asString()).toList();
	}

	/** How the server closed the session; null while it is open. */
	@Nullable CloseStatus closeStatus() {
		return closeStatus;
	}

	/** The events received, in order: the frames with an id ({@code subscribed} and {@code resync} have none). */
	List<JsonNode> eventFrames() {
		return frames.stream().filter(frame -> frame.path("id").isString()).toList();
	}

	/** The ids of the events received, in order. */
	List<String> ids() {
		return eventFrames().stream().map(frame -> frame.get("id").asString()).toList();
	}

	/** The {@code cursor} of the last message received: where a resuming client continues. */
	String cursor() {
		return frames.getLast().get("cursor").asString();
	}

	@Override
	public void close() {
		connection.dispose();
	}
}
