package io.lazi.platform.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real Kafka broker and PostgreSQL of this test JVM, each started lazily at most once and
 * stopped when the JVM exits.
 *
 * <p>Kafka: {@code KAFKA_BOOTSTRAP_SERVERS} if set, else a Testcontainers broker where a Docker
 * engine answers, else spring-kafka-test's in-process KRaft broker. PostgreSQL: {@code LAZI_DB_URL}
 * (with {@code LAZI_DB_USER}, {@code LAZI_DB_PASSWORD}) if set, else Testcontainers where Docker
 * answers, else io.zonky embedded PostgreSQL (real binaries); each service's tests connect to it as
 * the service's own role ({@link #serviceDatabase}), the admin only makes the roles. Thread-safe.
 */
public final class SharedInfrastructure {

	private static final Logger LOG = LoggerFactory.getLogger(SharedInfrastructure.class);

	private static String kafka;

	private static Database database;

	private static Boolean docker;

	private static final Map<String, Database> SERVICE_DATABASES = new HashMap<>();

	private SharedInfrastructure() {
	}

	/** Bootstrap servers of the shared broker, {@code host:port[,host:port]}. */
	public static synchronized String kafkaBootstrapServers() {

		if (kafka == null) {
			kafka = startKafka(System.getenv());
		}
		return kafka;
	}

	/** The shared database. */
	public static synchronized Database database() {

		if (database == null) {
			database = startDatabase(System.getenv());
		}
		return database;
	}

	/**
	 * The shared database as the role named {@code schema}, which owns that schema and nothing else,
	 * as in the local stack and production: made (with {@code extensions} created in the schema) at
	 * most once per JVM by the admin of {@link #database()}, which then connects no service.
	 * @param schema the service's schema (its {@code spring.flyway.default-schema}), also the role's name
	 * @param extensions the extensions the admin creates in the schema, which the role may use but not create
	 */
	public static synchronized Database serviceDatabase(String schema, List<String> extensions) {

		var existing = SERVICE_DATABASES.get(schema);
		if (existing != null) {
			return existing;
		}
		var admin = database();
		// Fixed, not random: test JVMs sharing a LAZI_DB_URL server would otherwise change each other's password.
		var password = "test-" + schema;
		ServiceRoles.provision(admin, schema, extensions, password);
		LOG.info("Tests of schema {} connect as its own role {}", schema, schema);
		var database = new Database(admin.jdbcUrl(), schema, password);
		SERVICE_DATABASES.put(schema, database);
		return database;
	}

	private static String startKafka(Map<String, String> env) {

		var configured = env.get("KAFKA_BOOTSTRAP_SERVERS");
		if (configured != null && !configured.isBlank()) {
			LOG.info("Tests use the Kafka broker at {} (KAFKA_BOOTSTRAP_SERVERS)", configured);
			return configured;
		}
		if (dockerAvailable()) {
			var container = new KafkaContainer("apache/kafka:4.1.2");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			LOG.info("Tests use a Testcontainers Kafka broker at {}", container.getBootstrapServers());
			return container.getBootstrapServers();
		}
		var broker = new EmbeddedKafkaKraftBroker(1, 3).brokerProperties(Map.of("auto.create.topics.enable", "true",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		LOG.info("Tests use an in-process KRaft broker at {}", broker.getBrokersAsString());
		return broker.getBrokersAsString();
	}

	private static Database startDatabase(Map<String, String> env) {

		var url = env.get("LAZI_DB_URL");
		if (url != null && !url.isBlank()) {
			LOG.info("Tests use the PostgreSQL at LAZI_DB_URL");
			return new Database(url, env.getOrDefault("LAZI_DB_USER", "postgres"),
					env.getOrDefault("LAZI_DB_PASSWORD", "postgres"));
		}
		if (dockerAvailable()) {
			var container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			var postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (java.io.IOException ex) {
					LOG.warn("Embedded PostgreSQL did not stop cleanly", ex);
				}
			}));
			LOG.info("Tests use an embedded PostgreSQL on port {}", postgres.getPort());
			// Not getJdbcUrl(user, database): its ?user=postgres would win over a service role's username.
			return new Database("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Could not start embedded PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {

		if (docker == null && System.getenv("DOCKER_HOST") == null
				&& !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
			// No engine configured: skip Testcontainers' probe, which logs every failed strategy as an error.
			docker = false;
		}
		if (docker == null) {
			try {
				docker = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException | LinkageError ex) {
				docker = false;
			}
		}
		return docker;
	}
}
