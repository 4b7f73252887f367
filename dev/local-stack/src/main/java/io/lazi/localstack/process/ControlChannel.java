package io.lazi.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code ./lazi kill|stop|start|restart} reach the running {@code ./lazi up}: a mailbox directory
 * ({@code <run directory>/control}) that only the user owning the run directory can write. A request
 * is a file {@code <id>.request} holding {@code <action> <process name>}; the {@code up} process, which
 * {@link #serve serves} the directory (polling every 200 ms), deletes it, acts, and answers in
 * {@code <id>.reply}: {@code ok} or {@code error} on the first line, a message after. No port, no
 * credentials: file permissions are the access control.
 *
 * @param directory the mailbox directory
 */
public record ControlChannel(Path directory) {

	private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);

	/** What the {@code up} process answered. */
	public record Reply(boolean ok, String message) {
	}

	/**
	 * Serves requests on a daemon thread until the JVM ends: {@code handler} gets the action and the
	 * process name and answers; an exception it throws is answered as an error with its message.
	 * @throws UncheckedIOException when the directory cannot be created
	 */
	public void serve(BiFunction<String, String, Reply> handler) {

		try {
			Files.createDirectories(directory);
			// Requests left by a client of an earlier run are stale.
			try (var stale = Files.list(directory)) {
				for (var file : stale.toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not serve " + directory, ex);
		}
		var thread = new Thread(() -> {
			while (true) {
				try {
					Thread.sleep(200);
					serveOnce(handler);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException | RuntimeException ex) {
					LOG.warn("Could not serve a control request in {}", directory, ex);
				}
			}
		}, "lazi-control");
		thread.setDaemon(true);
		thread.start();
	}

	private void serveOnce(BiFunction<String, String, Reply> handler) throws IOException {

		List<Path> requests;
		try (var files = Files.list(directory)) {
			requests = files.filter(file -> file.getFileName().toString().endsWith(".request")).sorted().toList();
		}
		for (var request : requests) {
			var words = Files.readString(request, StandardCharsets.UTF_8).strip().split("\\s+", 2);
			Files.deleteIfExists(request);
			var id = request.getFileName().toString().replace(".request", "");
			// Answered on a thread of its own: a stop waits for its process to end.
			Thread.ofVirtual().name("lazi-control-" + id).start(() -> answer(id, words, handler));
		}
	}

	private void answer(String id, String[] words, BiFunction<String, String, Reply> handler) {

		Reply reply;
		try {
			reply = words.length == 2 ? handler.apply(words[0], words[1])
					: new Reply(false, "A request is '<action> <process>'");
		}
		catch (RuntimeException ex) {
			reply = new Reply(false, ex.getMessage());
		}
		try {
			write(directory.resolve(id + ".reply"), (reply.ok() ? "ok" : "error") + "\n" + reply.message());
		}
		catch (IOException ex) {
			LOG.warn("Could not answer control request {}", id, ex);
		}
	}

	/**
	 * Asks the serving process to do {@code action} to {@code process} and waits for its answer.
	 * @throws IllegalStateException when no answer comes within {@code timeout} (nothing serves the directory)
	 * @throws UncheckedIOException when the request cannot be written
	 */
	public Reply send(String action, String process, Duration timeout) {

		var id = UUID.randomUUID().toString();
		var request = directory.resolve(id + ".request");
		var reply = directory.resolve(id + ".reply");
		try {
			write(request, action + " " + process);
			var deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				if (Files.exists(reply)) {
					var lines = Files.readString(reply, StandardCharsets.UTF_8).split("\n", 2);
					Files.deleteIfExists(reply);
					return new Reply("ok".equals(lines[0]), lines.length > 1 ? lines[1] : "");
				}
				Thread.sleep(100);
			}
			Files.deleteIfExists(request);
			throw new IllegalStateException("./lazi up did not answer within " + timeout.toSeconds() + " s (" + directory + ")");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not send a request through " + directory, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for ./lazi up", ex);
		}
	}

	private static void write(Path file, String content) throws IOException {

		var temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(temporary, content, StandardCharsets.UTF_8);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
