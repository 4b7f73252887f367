package io.lazi.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client that connects the way a browser must: token and tenant in the query string,
 * no headers. Collects every message it receives.
 */
final class BrowserSocket implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> messages = new CopyOnWriteArrayList<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	BrowserSocket(String gatewayWsUrl, String token, String tenant) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create(gatewayWsUrl + "/ws?access_token=" + token + "&tenant=" + tenant), this)
			.join();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {

		partial.append(data);
		if (last) {
			messages.add(JSON.readTree(partial.toString()));
			partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	List<JsonNode> messages() {
		return List.copyOf(messages);
	}

	List<JsonNode> named(String event) {
		return messages.stream().filter(m -> event.equals(m.path("event").asString())).toList();
	}

	/**
	 * The first message named {@code event} that {@code match} accepts, waiting up to {@code timeout}.
	 *
	 * @throws AssertionError naming what did arrive when none does
	 */
	JsonNode await(String event, java.util.function.Predicate<JsonNode> match, Duration timeout) {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var found = named(event).stream().filter(match).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for " + event, ex);
			}
		}
		throw new AssertionError("No matching " + event + " within " + timeout + "; received: "
				+ messages.stream().map(m -> m.path("event").asString() + " " + m.path("data")).toList());
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}
}
