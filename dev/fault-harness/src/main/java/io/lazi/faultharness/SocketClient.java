package io.lazi.faultharness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A browser's WebSocket: connects through a gateway with the token and tenant in the query string, drops its
 * connection now and then (seeded) and reconnects, through any gateway, with {@code cursor} = the cursor of the
 * last message it received, as the console does. Remembers every message id it got (to find duplicates and
 * gaps) and when it got a {@code resync}. Like a browser, it has one connection at a time: a connection it dropped,
 * or an attempt it gave up on whose handshake is answered after all, is closed and what it still receives is not
 * counted.
 */
final class SocketClient implements AutoCloseable {

	/**
	 * One HTTP client for every socket of the run: a client per connection keeps its selector thread and buffers
	 * until collected, and 200 sockets reconnecting for half an hour ran the harness out of memory.
	 */
	private static final HttpClient SOCKETS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** A message with an id, as received. */
	/**
	 * One delivery. Kept small, with the id shared by every client ({@link #IDS}): 200 clients of the long run
	 * receive some 25,000 events each, and a record per delivery with its own strings and time ran the harness
	 * out of heap before its checks.
	 */
	record Received(String id, int connection) {
	}

	private static final java.util.concurrent.ConcurrentHashMap<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();

	/** How long a connection attempt may take, handshake included, before the client tries again. */
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

	/** The handshake's own timeout, within {@link #CONNECT_TIMEOUT}. */
	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final List<String> gatewayWsUrls;

	private final Supplier<String> token;

	private final String tenant;

	private final Random random;

	private final Duration meanDrop;

	private final Duration connectTimeout;

	private final List<Received> received = new ArrayList<>();

	private final List<Instant> resyncs = new ArrayList<>();

	/**
	 * How each connection (by number, one per attempt) was opened: its gateway and cursor. And the connections that
	 * began with a {@code resync}.
	 */
	private final Map<Integer, String> connections = new LinkedHashMap<>();

	private final java.util.Set<Integer> resynced = new java.util.HashSet<>();

	private volatile String cursor;

	private volatile WebSocket socket;

	/** The listener of {@link #socket}. */
	private volatile Listener current;

	private volatile boolean open;

	private volatile boolean stopped;

	private Instant firstConnected;

	private int connects;

	/** Connection attempts so far: each has a number of its own, whether it opens, fails or is given up on. */
	private int attempts;

	private Thread loop;

	SocketClient(String name, List<String> gatewayWsUrls, Supplier<String> token, String tenant, long seed, Duration meanDrop) {
		this(name, gatewayWsUrls, token, tenant, seed, meanDrop, CONNECT_TIMEOUT);
	}

	/**
	 * @param connectTimeout how long one connection attempt may take before the client gives up on it and tries
	 *        again (its handshake may still be answered later: that connection is then closed, and what it receives
	 *        is not counted)
	 */
	SocketClient(String name, List<String> gatewayWsUrls, Supplier<String> token, String tenant, long seed, Duration meanDrop,
			Duration connectTimeout) {

		this.connectTimeout = connectTimeout;
		this.name = name;
		this.gatewayWsUrls = List.copyOf(gatewayWsUrls);
		this.token = token;
		this.tenant = tenant;
		this.random = new Random(seed);
		this.meanDrop = meanDrop;
	}

	String name() {
		return name;
	}

	/** Connects, then keeps the connection up (dropping it now and then) on a virtual thread until closed. */
	void start() {

		connect();
		loop = Thread.ofVirtual().name("ws-" + name).start(() -> {
			while (!stopped) {
				try {
					var wait = Duration.ofMillis(1 + (long) (random.nextDouble() * 2 * meanDrop.toMillis()));
					var until = Instant.now().plus(wait);
					while (!stopped && Instant.now().isBefore(until) && open) {
						Thread.sleep(200);
					}
					if (stopped) {
						return;
					}
					if (open) {
						// Drop as a lost network does: no close frame. What the dropped connection still had on
						// its way is not counted, as a browser's closed socket delivers nothing more.
						current.end();
						socket.abort();
						open = false;
					}
					Thread.sleep(200 + random.nextInt(1_500));
					connect();
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// The gateway tried may be down: the next round tries another.
				}
			}
		});
	}

	private void connect() {

		var gateway = gatewayWsUrls.get(random.nextInt(gatewayWsUrls.size()));
		var resumeFrom = cursor;
		var uri = gateway + "/ws?access_token=" + URLEncoder.encode(token.get(), StandardCharsets.UTF_8) + "&tenant=" + tenant
				+ (resumeFrom == null ? "" : "&cursor=" + URLEncoder.encode(resumeFrom, StandardCharsets.UTF_8));
		Listener listener;
		synchronized (this) {
			listener = new Listener(++attempts);
			connections.put(listener.number, gateway + (resumeFrom == null ? "" : " cursor " + resumeFrom));
		}
		var opening = SOCKETS.newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT).buildAsync(URI.create(uri), listener);
		try {
			var opened = opening.get(connectTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			synchronized (this) {
				if (firstConnected == null) {
					firstConnected = Instant.now();
				}
				connects++;
			}
			current = listener;
			socket = opened;
			open = true;
			if (stopped) {
				// Closed while this attempt was under way.
				listener.end();
				opened.abort();
				open = false;
			}
		}
		catch (Exception ex) {
			// Given up on (timed out, refused, interrupted). Should its handshake still be answered, as on a loaded
			// machine it can be after the deadline, that connection is closed at once and counts nothing: left
			// open, it would get every event beside the attempt that replaces it, as a second connection of this
			// client that no browser has.
			listener.end();
			opening.thenAccept(WebSocket::abort);
			open = false;
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private final int number;

		/** Whether the client still reads this connection: not once it gave up on it or dropped it. */
		private volatile boolean live = true;

		Listener(int number) {
			this.number = number;
		}

		void end() {
			live = false;
		}

		@Override
		public void onOpen(WebSocket webSocket) {

			if (!live) {
				webSocket.abort();
				return;
			}
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {

			if (!live) {
				webSocket.abort();
				return null;
			}
			partial.append(data);
			if (last) {
				handle(partial.toString(), number);
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {

			if (webSocket == socket) {
				open = false;
			}
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {

			if (webSocket == socket) {
				open = false;
			}
		}
	}

	private void handle(String text, int connection) {

		try {
			var message = Http.JSON.readTree(text);
			var event = message.path("event").asText();
			synchronized (this) {
				if (message.path("cursor").isTextual()) {
					cursor = message.path("cursor").asText();
				}
				if ("resync".equals(event)) {
					resyncs.add(Instant.now());
					resynced.add(connection);
					return;
				}
				var id = message.path("id").asText(null);
				if (id == null || id.isBlank()) {
					return;
				}
				received.add(new Received(IDS.computeIfAbsent(id, k -> k), connection));
			}
		}
		catch (IOException ex) {
			// Not JSON: nothing the checks can use.
		}
	}

	/** Every message with an id, in arrival order. */
	synchronized List<Received> received() {
		return List.copyOf(received);
	}

	/** Ids delivered more than once, with their count. */
	synchronized Map<String, Integer> duplicates() {

		var deliveries = new LinkedHashMap<String, Integer>();
		received.forEach(r -> deliveries.merge(r.id(), 1, Integer::sum));
		var duplicates = new LinkedHashMap<String, Integer>();
		deliveries.forEach((id, count) -> {
			if (count > 1) {
				duplicates.put(id, count);
			}
		});
		return duplicates;
	}

	/** How one event id reached this client: on which connections, each with how it was opened. */
	synchronized String describe(String id) {

		var on = received.stream().filter(r -> r.id().equals(id)).map(r -> "connection " + r.connection() + " ("
				+ connections.get(r.connection()) + (resynced.contains(r.connection()) ? ", began with resync" : "") + ")")
			.toList();
		return String.join(" and ", on);
	}

	/** When it got a {@code resync}. */
	synchronized List<Instant> resyncs() {
		return List.copyOf(resyncs);
	}

	synchronized Instant firstConnected() {
		return firstConnected;
	}

	synchronized int connects() {
		return connects;
	}

	/** Ensures the client is connected now (reconnects when the last attempt failed). */
	void ensureConnected() {

		if (!open) {
			connect();
		}
	}

	@Override
	public void close() {

		stopped = true;
		if (loop != null) {
			loop.interrupt();
		}
		if (current != null) {
			current.end();
		}
		if (socket != null) {
			socket.abort();
		}
	}
}
