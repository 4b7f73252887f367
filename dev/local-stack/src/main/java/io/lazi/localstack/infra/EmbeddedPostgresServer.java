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
 * and keeps it running until this JVM is terminated, which stops the server cleanly. User and
 * password are {@code postgres}.
 */
public final class EmbeddedPostgresServer {

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
		var postgres = EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "200")
			.setRegisterShutdownHook(false)
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "postgres-stop"));
		LOG.info("PostgreSQL is ready on port {} with data directory {}", port, dataDirectory);
		new CountDownLatch(1).await();
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
