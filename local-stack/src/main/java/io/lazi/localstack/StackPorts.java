package io.lazi.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of the local stack. Defaults are those of {@code docs/architecture.md}; each can be
 * overridden by its environment variable ({@code LAZI_GATEWAY_PORT}, …).
 *
 * @param gateway gateway-service ({@code LAZI_GATEWAY_PORT}, 8080)
 * @param stIngest st-ingest-service ({@code LAZI_ST_INGEST_PORT}, 8081)
 * @param pricebook pricebook-service ({@code LAZI_PRICEBOOK_PORT}, 8082)
 * @param crmPipeline crm-pipeline-service ({@code LAZI_CRM_PIPELINE_PORT}, 8083)
 * @param image image-service ({@code LAZI_IMAGE_PORT}, 8084)
 * @param notification notification-service ({@code LAZI_NOTIFICATION_PORT}, 8085)
 * @param stSimulator the ServiceTitan simulator ({@code LAZI_ST_SIMULATOR_PORT}, 8090)
 * @param kafka the Kafka broker listener ({@code LAZI_KAFKA_PORT}, 9092)
 * @param kafkaController the KRaft controller listener ({@code LAZI_KAFKA_CONTROLLER_PORT}, 9093)
 * @param database embedded PostgreSQL ({@code LAZI_DB_PORT}, 54321)
 */
public record StackPorts(int gateway, int stIngest, int pricebook, int crmPipeline, int image, int notification,
		int stSimulator, int kafka, int kafkaController, int database) {

	/** The documented defaults. */
	public static StackPorts defaults() {
		return new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 8090, 9092, 9093, 54321);
	}

	/**
	 * The defaults overridden by the {@code LAZI_*_PORT} variables present in {@code env}.
	 * @throws IllegalArgumentException naming the variable when a value is not a port number
	 */
	public static StackPorts fromEnvironment(Map<String, String> env) {

		var d = defaults();
		return new StackPorts(port(env, "LAZI_GATEWAY_PORT", d.gateway), port(env, "LAZI_ST_INGEST_PORT", d.stIngest),
				port(env, "LAZI_PRICEBOOK_PORT", d.pricebook), port(env, "LAZI_CRM_PIPELINE_PORT", d.crmPipeline),
				port(env, "LAZI_IMAGE_PORT", d.image), port(env, "LAZI_NOTIFICATION_PORT", d.notification),
				port(env, "LAZI_ST_SIMULATOR_PORT", d.stSimulator), port(env, "LAZI_KAFKA_PORT", d.kafka),
				port(env, "LAZI_KAFKA_CONTROLLER_PORT", d.kafkaController), port(env, "LAZI_DB_PORT", d.database));
	}

	/**
	 * Ports that are free right now, chosen by the operating system; for tests that run beside a
	 * stack on the default ports. A port may be taken by someone else before it is used.
	 */
	public static StackPorts free() {
		return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
				freePort(), freePort(), freePort());
	}

	/**
	 * The ports a stack started with {@link LocalStack} listens on, by what listens there; the
	 * database port only when {@code embeddedDatabase}.
	 */
	public Map<String, Integer> inUse(boolean embeddedDatabase) {

		var ports = new LinkedHashMap<String, Integer>();
		ports.put("kafka", kafka);
		ports.put("kafka (controller)", kafkaController);
		if (embeddedDatabase) {
			ports.put("postgres", database);
		}
		ports.put("st-simulator", stSimulator);
		ports.put("st-ingest-service", stIngest);
		ports.put("pricebook-service", pricebook);
		ports.put("notification-service", notification);
		ports.put("image-service", image);
		ports.put("gateway-service", gateway);
		return ports;
	}

	/** A port the operating system reports free right now. */
	public static int freePort() {

		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int port(Map<String, String> env, String name, int fallback) {

		var value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			var port = Integer.parseInt(value.strip());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + "=" + value + " is not a port number (1-65535)");
		}
	}
}
