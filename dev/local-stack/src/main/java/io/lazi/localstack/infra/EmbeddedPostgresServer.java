package io.lazi.localstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

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
		requirePasswords(postgres, hba, password);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "postgres-stop"));
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

	private static void stop(EmbeddedPostgres postgres) {

		try {
			postgres.close();
			LOG.info("PostgreSQL stopped");
		}
		catch (IOException ex) {
			LOG.warn("PostgreSQL did not stop cleanly", ex);
		}
	}
}
