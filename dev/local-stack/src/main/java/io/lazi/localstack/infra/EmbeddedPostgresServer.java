package io.lazi.localstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (io.zonky embedded binaries) as a process of its own: {@code main(port, dataDir)}
 * starts it on {@code localhost:port} with a persistent data directory (initialised on first use)
 * and keeps it running until this JVM is terminated, which stops the server cleanly. Every login
 * must give its password (SCRAM): the admin {@code postgres} has the one in {@value #ADMIN_PASSWORD},
 * set on the first start; a data directory made before that is switched over on its next start.
 */
public final class EmbeddedPostgresServer {

	/** The environment variable holding the admin's password. */
	public static final String ADMIN_PASSWORD = "LAZI_DB_ADMIN_PASSWORD";

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private EmbeddedPostgresServer() {
	}

	/**
	 * @param args the port and the data directory
	 */
	public static void main(String[] args) throws IOException, InterruptedException {

		if (args.length != 2) {
			throw new IllegalArgumentException("usage: EmbeddedPostgresServer <port> <data directory>");
		}
		var port = Integer.parseInt(args[0]);
		var dataDirectory = Path.of(args[1]).toAbsolutePath();
		Files.createDirectories(dataDirectory);
		var password = System.getenv(ADMIN_PASSWORD);
		if (password == null || password.isBlank()) {
			throw new IllegalArgumentException(ADMIN_PASSWORD + " must hold the admin's password");
		}
		var hba = dataDirectory.resolve("pg_hba.conf");
		var started = new AtomicReference<EmbeddedPostgres>();
		// Registered first: a stop that comes while the server starts (a restart right after another) ends it too.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started.get(), dataDirectory), "postgres-stop"));
		// initdb trusts every local login; until the password is set, only this process connects.
		var postgres = EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "200")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("password", password)
			.setRegisterShutdownHook(false)
			.start();
		started.set(postgres);
		requirePasswords(postgres, hba, password);
		LOG.info("PostgreSQL is ready on port {} with data directory {}", port, dataDirectory);
		new CountDownLatch(1).await();
	}

	/** Sets the admin's password and makes every login give one, once: later starts find it so. */
	private static void requirePasswords(EmbeddedPostgres postgres, Path hba, String password) throws IOException {

		var rules = Files.readString(hba);
		if (!rules.contains(" trust")) {
			return;
		}
		try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			statement.execute("alter role postgres password '" + password.replace("'", "''") + "'");
			Files.writeString(hba, rules.replaceAll("(?m)\\btrust[ \\t]*$", "scram-sha-256"));
			statement.execute("select pg_reload_conf()");
		}
		catch (java.sql.SQLException ex) {
			throw new IOException("Could not require passwords of PostgreSQL logins", ex);
		}
		LOG.info("PostgreSQL now checks every login's password (scram-sha-256)");
	}

	/**
	 * Stops the server: through the library once it has started, and in any case the postmaster that
	 * {@code postmaster.pid} of the data directory names, should it still run (it is not this JVM's
	 * child: {@code pg_ctl} started it), with SIGINT, PostgreSQL's fast shutdown, then SIGKILL after 10 s.
	 */
	private static void stop(EmbeddedPostgres postgres, Path dataDirectory) {

		if (postgres != null) {
			try {
				postgres.close();
				LOG.info("PostgreSQL stopped");
			}
			catch (IOException ex) {
				LOG.warn("PostgreSQL did not stop cleanly", ex);
			}
		}
		postmaster(dataDirectory).ifPresent(postmaster -> {
			LOG.info("Stopping the postmaster (pid {}) of {}", postmaster.pid(), dataDirectory);
			try {
				new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor();
				postmaster.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (IOException | ExecutionException | TimeoutException ex) {
				postmaster.destroyForcibly();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				postmaster.destroyForcibly();
			}
		});
	}

	/** The running postmaster that {@code postmaster.pid} in {@code dataDirectory} names, if any. */
	private static Optional<ProcessHandle> postmaster(Path dataDirectory) {

		try {
			var lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
			if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
				.filter(ProcessHandle::isAlive)
				.filter(handle -> handle.info().commandLine().orElse("").contains("postgres"));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}
}
