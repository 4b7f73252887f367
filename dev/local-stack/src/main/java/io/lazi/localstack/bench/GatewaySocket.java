package io.lazi.localstack.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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

		/**
		 * The socket ended without {@link GatewaySocket#close()}: the server's close frame ({@code statusCode}
		 * 1000–4999 with its reason), or {@value GatewaySocket#ABNORMAL_CLOSURE} with the error when the connection
		 * failed without one. Nothing by default.
		 */
		default void closed(int statusCode, String reason) {
		}
	}

	/** The close code RFC 6455 reserves for a connection that ended without a close frame. */
	public static final int ABNORMAL_CLOSURE = 1006;

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

		try {
			return openAsync(client, gatewayUrl, token, tenant, timeout, receiver).get();
		}
		catch (ExecutionException ex) {
			throw new SyncException("The gateway did not open a WebSocket for tenant " + tenant + ": " + ex.getCause(), ex);
		}
	}

	/**
	 * As {@link #open}, without waiting: many handshakes can be under way at once. The future fails with the
	 * client's {@link java.net.http.WebSocketHandshakeException} (whose response has the refusal's status) or
	 * {@link java.io.IOException}, or with a {@link java.util.concurrent.TimeoutException} after {@code timeout};
	 * a socket that opens after that is aborted, so none is left open unseen.
	 */
	public static CompletableFuture<GatewaySocket> openAsync(HttpClient client, String gatewayUrl, String token,
			String tenant, Duration timeout, Receiver receiver) {

		var uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/ws?access_token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8) + "&tenant=" + tenant);
		var opening = client.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, new Listener(receiver));
		return opening.thenApply(GatewaySocket::new)
			.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((socket, failure) -> {
				if (failure != null) {
					opening.thenAccept(WebSocket::abort);
				}
			});
	}

	@Override
	public void close() {
		socket.abort();
	}

	/**
	 * The wall-clock time, µs since the epoch, of a {@link Receiver}'s {@code nanos}: the clock's reading now less
	 * the {@link System#nanoTime()} since, so that no drift between the two clocks builds up over a run. Comparable
	 * with the {@code time} of a message, which the services' clocks on the same machine set.
	 */
	public static long epochMicros(long nanos) {

		var now = Instant.now();
		var elapsedMicros = (System.nanoTime() - nanos) / 1000;
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - elapsedMicros;
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

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {

			receiver.closed(statusCode, reason);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			receiver.closed(ABNORMAL_CLOSURE, String.valueOf(error));
		}
	}
}
