package io.lazi.localstack.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lazi.localstack.scenario.SyncException;

/**
 * A browser's WebSocket to the gateway's {@code /ws} for benchmarks: the token and tenant in the query string,
 * as the console sends them, and each whole text message handed to a {@link Receiver} with the
 * {@link System#nanoTime()} it arrived at. Many sockets share one {@link HttpClient} (a client per socket keeps
 * a selector thread each).
 */
public final class GatewaySocket implements AutoCloseable {

	/** Gets each message of a socket; called on the client's threads, one message of a socket at a time. */
	@FunctionalInterface
	public interface Receiver {

		/** One whole text message ({@code {"event", "data", "id", "time", "cursor"}}), received at {@code nanos}. */
		void received(long nanos, String message);
	}

	private final WebSocket socket;

	private GatewaySocket(WebSocket socket) {
		this.socket = socket;
	}

	/**
	 * Opens a socket of {@code tenant} at {@code gatewayUrl} ({@code http://host:port}), waiting up to
	 * {@code timeout} for the handshake.
	 *
	 * @throws SyncException when the gateway refuses or does not answer in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static GatewaySocket open(HttpClient client, String gatewayUrl, String token, String tenant,
			Duration timeout, Receiver receiver) throws InterruptedException {

		var uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/ws?access_token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8) + "&tenant=" + tenant);
		try {
			return new GatewaySocket(client.newWebSocketBuilder().connectTimeout(timeout)
				.buildAsync(uri, new Listener(receiver))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new SyncException("The gateway did not open a WebSocket for tenant " + tenant + ": " + ex, ex);
		}
	}

	@Override
	public void close() {
		socket.abort();
	}

	private static final class Listener implements WebSocket.Listener {

		private final Receiver receiver;

		private final StringBuilder partial = new StringBuilder();

		Listener(Receiver receiver) {
			this.receiver = receiver;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {

			var now = System.nanoTime();
			if (partial.isEmpty() && last) {
				receiver.received(now, data.toString());
			}
			else {
				partial.append(data);
				if (last) {
					receiver.received(now, partial.toString());
					partial.setLength(0);
				}
			}
			webSocket.request(1);
			return null;
		}
	}
}
