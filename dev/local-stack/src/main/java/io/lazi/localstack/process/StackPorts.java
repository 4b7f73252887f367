package io.lazi.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ports of the local stack. Defaults are those of {@code docs/architecture.md}; each can be
 * overridden by its environment variable ({@code LAZI_GATEWAY_PORT}, …). Every HTTP process also
 * serves its actuator on a management port, its own port + {@value #MANAGEMENT_OFFSET}
 * ({@link #management(int)}), which no gateway route reaches.
 *
 * @param gateway gateway-service ({@code LAZI_GATEWAY_PORT}, 8080)
 * @param stIngest st-ingest-service ({@code LAZI_ST_INGEST_PORT}, 8081)
 * @param pricebook pricebook-service ({@code LAZI_PRICEBOOK_PORT}, 8082)
 * @param crmPipeline crm-pipeline-service ({@code LAZI_CRM_PIPELINE_PORT}, 8083)
 * @param image image-service ({@code LAZI_IMAGE_PORT}, 8084)
 * @param notification notification-service ({@code LAZI_NOTIFICATION_PORT}, 8085)
 * @param field field-service ({@code LAZI_FIELD_PORT}, 8086)
 * @param stSimulator the ServiceTitan simulator ({@code LAZI_ST_SIMULATOR_PORT}, 8090)
 * @param identityProvider the identity provider ({@code LAZI_IDENTITY_PROVIDER_PORT}, 9000)
 * @param kafka the Kafka broker listener ({@code LAZI_KAFKA_PORT}, 9092)
 * @param kafkaController the KRaft controller listener ({@code LAZI_KAFKA_CONTROLLER_PORT}, 9093)
 * @param database embedded PostgreSQL ({@code LAZI_DB_PORT}, 54321)
 */
public record StackPorts(int gateway, int stIngest, int pricebook, int crmPipeline, int image, int notification,
		int field, int stSimulator, int identityProvider, int kafka, int kafkaController, int database) {

	/** What a management port adds to its process's port: gateway 8080 → 8180, identity provider 9000 → 9100. */
	public static final int MANAGEMENT_OFFSET = 100;

	private static final int FIRST_CHOSEN_PORT = 20_000;

	private static final int LAST_CHOSEN_PORT = 32_000;

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();


	/** The documented defaults. */
	public static StackPorts defaults() {
		return new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8090, 9000, 9092, 9093, 54321);
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
				port(env, "LAZI_FIELD_PORT", d.field), port(env, "LAZI_ST_SIMULATOR_PORT", d.stSimulator),
				port(env, "LAZI_IDENTITY_PROVIDER_PORT", d.identityProvider), port(env, "LAZI_KAFKA_PORT", d.kafka),
				port(env, "LAZI_KAFKA_CONTROLLER_PORT", d.kafkaController), port(env, "LAZI_DB_PORT", d.database));
	}

	/**
	 * Distinct ports that are free right now, for tests that run beside a stack on the default ports.
	 * They come from below Linux's ephemeral range (32768–60999), where outgoing connections of the
	 * stack itself would otherwise take a chosen port before its server binds it. The HTTP ports are
	 * chosen so that their management ports are free too. A port may still be taken by someone else
	 * before it is used.
	 */
	public static StackPorts free() {
		return new StackPorts(freeHttpPort(), freeHttpPort(), freeHttpPort(), freeHttpPort(), freeHttpPort(),
				freeHttpPort(), freeHttpPort(), freeHttpPort(), freeHttpPort(), freePort(), freePort(), freePort());
	}

	/**
	 * The management (actuator) port of the process listening on {@code port}.
	 * @throws IllegalArgumentException when that is beyond 65535
	 */
	public static int management(int port) {

		var management = port + MANAGEMENT_OFFSET;
		if (management > 65535) {
			throw new IllegalArgumentException("Port " + port + " leaves no room for its management port " + management
					+ " (port + " + MANAGEMENT_OFFSET + "); choose a port below " + (65536 - MANAGEMENT_OFFSET));
		}
		return management;
	}

	/**
	 * The ports a stack started with {@link io.lazi.localstack.LocalStack} listens on, by what listens there; the
	 * database port only when {@code embeddedDatabase}.
	 */
	public Map<String, Integer> inUse(boolean embeddedDatabase) {

		var ports = new LinkedHashMap<String, Integer>();
		ports.put("kafka", kafka);
		ports.put("kafka (controller)", kafkaController);
		if (embeddedDatabase) {
			ports.put("postgres", database);
		}
		http(ports, "identity-provider", identityProvider);
		http(ports, "st-simulator", stSimulator);
		http(ports, "st-ingest-service", stIngest);
		http(ports, "pricebook-service", pricebook);
		http(ports, "crm-pipeline-service", crmPipeline);
		http(ports, "field-service", field);
		http(ports, "notification-service", notification);
		http(ports, "image-service", image);
		http(ports, "gateway-service", gateway);
		return ports;
	}

	private static void http(Map<String, Integer> ports, String name, int port) {

		ports.put(name, port);
		ports.put(name + " (management)", management(port));
	}

	/** A {@link #freePort()} whose management port binds too and is handed out with it. */
	public static int freeHttpPort() {

		for (int attempt = 0; attempt < 500; attempt++) {
			var port = freePort();
			var management = management(port);
			if (!HANDED_OUT.contains(management) && bindable(management) && HANDED_OUT.add(management)) {
				return port;
			}
		}
		throw new IllegalStateException("No free pair of ports (port and port + " + MANAGEMENT_OFFSET + ") between "
				+ FIRST_CHOSEN_PORT + " and " + LAST_CHOSEN_PORT);
	}

	/** A port below the ephemeral range that binds right now and this JVM has not handed out before. */
	public static int freePort() {

		for (int attempt = 0; attempt < 500; attempt++) {
			var port = ThreadLocalRandom.current().nextInt(FIRST_CHOSEN_PORT, LAST_CHOSEN_PORT);
			if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port between " + FIRST_CHOSEN_PORT + " and " + LAST_CHOSEN_PORT);
	}

	private static boolean bindable(int port) {

		try (var socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
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
