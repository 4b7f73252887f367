package io.lazi.faultharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/**
 * The harness's WebSocket client counts what one client was sent: a connection attempt it gave up on (its
 * handshake answered only after the attempt's deadline, as under a loaded machine in the long run) must not live on
 * beside the attempt that replaced it, each getting every event and both counted under the same connection number.
 */
class SocketClientUnitTests {

	@Test
	void closesAConnectionWhoseHandshakeOutlastedItsAttemptAndCountsNothingItReceives() throws Exception {

		// The first handshake is answered after the attempt's deadline (1 s), the next ones at once.
		try (var server = new Server(Duration.ofSeconds(2))) {
			var client = new SocketClient("client-0", List.of("ws://localhost:" + server.port()), () -> "token",
					"1000000002", 1, Duration.ofHours(1), Duration.ofSeconds(1));
			try {
				client.start();
				// Both handshakes answered: the late one and the attempt that replaced it.
				await(() -> server.opened() == 2, Duration.ofSeconds(10));
				Thread.sleep(500);

				server.broadcast("{\"event\":\"pricebook:categories:updated\",\"id\":\"e1\",\"cursor\":\"pricebook.changed/0:1\"}");
				server.broadcast("{\"event\":\"pricebook:categories:updated\",\"id\":\"e2\",\"cursor\":\"pricebook.changed/0:2\"}");
				await(() -> client.received().size() >= 2, Duration.ofSeconds(5));
				Thread.sleep(500);

				assertThat(client.duplicates()).as("deliveries per id; e1 on %s", client.describe("e1")).isEmpty();
				assertThat(client.received()).extracting(SocketClient.Received::id).containsExactly("e1", "e2");
				await(() -> server.closed() >= 1, Duration.ofSeconds(5));
				assertThat(server.closed()).as("connections the client closed").isEqualTo(1);
			}
			finally {
				client.close();
			}
		}
	}

	private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {

		var until = Instant.now().plus(timeout);
		while (!condition.getAsBoolean() && Instant.now().isBefore(until)) {
			Thread.sleep(20);
		}
	}

	/**
	 * A WebSocket server that answers the first handshake after {@code firstAnswerDelay} and every later one at
	 * once, and sends each broadcast text to every open connection once, as notification-service sends each event to
	 * each open session.
	 */
	private static final class Server implements AutoCloseable {

		private final ServerSocket listening = new ServerSocket(0);

		private final Duration firstAnswerDelay;

		private final AtomicInteger handshakes = new AtomicInteger();

		private final List<OutputStream> open = new CopyOnWriteArrayList<>();

		private final AtomicInteger closed = new AtomicInteger();

		Server(Duration firstAnswerDelay) throws IOException {

			this.firstAnswerDelay = firstAnswerDelay;
			Thread.ofPlatform().daemon().start(this::accept);
		}

		int port() {
			return listening.getLocalPort();
		}

		int opened() {
			return open.size() + closed.get();
		}

		int closed() {
			return closed.get();
		}

		void broadcast(String text) throws IOException {

			var payload = text.getBytes(StandardCharsets.UTF_8);
			for (var out : open) {
				synchronized (out) {
					out.write(0x81);
					if (payload.length < 126) {
						out.write(payload.length);
					}
					else {
						out.write(126);
						out.write(payload.length >> 8);
						out.write(payload.length & 0xff);
					}
					out.write(payload);
					out.flush();
				}
			}
		}

		private void accept() {

			while (!listening.isClosed()) {
				try {
					var socket = listening.accept();
					Thread.ofPlatform().daemon().start(() -> serve(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket socket) {

			try (socket) {
				var in = socket.getInputStream();
				var key = handshakeKey(in);
				if (handshakes.incrementAndGet() == 1) {
					Thread.sleep(firstAnswerDelay.toMillis());
				}
				var out = socket.getOutputStream();
				var accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
					.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
				out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				open.add(out);
				try {
					// Until the client goes: its frames (a close, say) are not read further.
					while (in.read() >= 0) {
						// Discard.
					}
				}
				catch (IOException ex) {
					// Aborted.
				}
				finally {
					open.remove(out);
					closed.incrementAndGet();
				}
			}
			catch (Exception ex) {
				// The test fails on what the client counted.
			}
		}

		private static String handshakeKey(InputStream in) throws IOException {

			var head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
				var b = in.read();
				if (b < 0) {
					throw new IOException("closed during the handshake");
				}
				head.write(b);
			}
			return head.toString(StandardCharsets.US_ASCII)
				.lines()
				.filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:"))
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElseThrow();
		}

		@Override
		public void close() throws IOException {
			listening.close();
		}
	}
}
