package io.lazi.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * How to tell that a started process is ready. Checks are quick (a few seconds at most), never
 * throw, and may be called from any thread.
 */
public sealed interface Readiness {

	/** Whether the process is ready now. */
	boolean check();

	/**
	 * Whether the process {@code pid} is ready now: {@link #check()}, and, where the check asks a port
	 * (HTTP health, Kafka), that this very process listens on it (Linux {@code /proc}; elsewhere the
	 * answer alone counts), so that another process answering on the port is not taken for it.
	 */
	default boolean check(long pid) {
		return check();
	}

	/** What is checked, e.g. the health URL; shown to users and kept in the state file. */
	String describe();

	/** {@code GET url} answers 200 with JSON {@code status} {@code UP} (Spring Boot actuator health). */
	static Readiness httpHealth(String url) {
		return new HttpHealth(URI.create(url));
	}

	/** {@code host:port} accepts TCP connections. */
	static Readiness tcp(String host, int port) {
		return new Tcp(host, port);
	}

	/** The broker accepts connections and answers a metadata request naming at least one node. */
	static Readiness kafka(String bootstrapServers) {
		return new KafkaMetadata(bootstrapServers, Map.of());
	}

	/** As {@link #kafka(String)}, authenticating with {@code clientProperties} (SASL settings). */
	static Readiness kafka(String bootstrapServers, Map<String, Object> clientProperties) {
		return new KafkaMetadata(bootstrapServers, clientProperties);
	}

	/** The database accepts a connection and answers {@code select 1}. */
	static Readiness jdbc(String url, String user, String password) {
		return new Jdbc(url, user, password);
	}

	/** Always ready: for processes that are run to completion. */
	static Readiness none() {
		return new None();
	}

	/** No check. */
	record None() implements Readiness {

		@Override
		public boolean check() {
			return true;
		}

		@Override
		public String describe() {
			return "-";
		}
	}

	/** Spring Boot actuator health. */
	record HttpHealth(URI uri) implements Readiness {

		private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		private static final ObjectMapper JSON = new ObjectMapper();

		@Override
		public boolean check() {
			return "UP".equals(status());
		}

		@Override
		public boolean check(long pid) {
			return PortProbe.isHeldBy(pid, uri.getPort()) && check();
		}

		/** The health status reported, {@code null} when there is no answer. */
		public String status() {

			try {
				var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
				var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
				var status = JSON.readTree(response.body()).path("status").asText(null);
				return status != null ? status : "HTTP " + response.statusCode();
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		@Override
		public String describe() {
			return uri.toString();
		}
	}

	/** A TCP connect. */
	record Tcp(String host, int port) implements Readiness {

		@Override
		public boolean check() {

			try (var socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 1000);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		@Override
		public String describe() {
			return "tcp://" + host + ":" + port;
		}
	}

	/** A Kafka metadata request through the admin client, authenticated with {@code clientProperties}. */
	record KafkaMetadata(String bootstrapServers, Map<String, Object> clientProperties) implements Readiness {

		@Override
		public boolean check() {

			var first = bootstrapServers.split(",")[0].strip();
			var colon = first.lastIndexOf(':');
			if (!new Tcp(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))).check()) {
				return false;
			}
			var config = new HashMap<String, Object>(clientProperties);
			config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
					AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
					3000));
			try (var admin = Admin.create(config)) {
				var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4,
						TimeUnit.SECONDS);
				return !nodes.isEmpty();
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public boolean check(long pid) {

			var first = bootstrapServers.split(",")[0].strip();
			return PortProbe.isHeldBy(pid, Integer.parseInt(first.substring(first.lastIndexOf(':') + 1))) && check();
		}

		@Override
		public String describe() {
			return "kafka://" + bootstrapServers;
		}
	}

	/** A JDBC {@code select 1}. */
	record Jdbc(String url, String user, String password) implements Readiness {

		@Override
		public boolean check() {

			DriverManager.setLoginTimeout(3);
			try (var connection = DriverManager.getConnection(url, user, password);
					var statement = connection.createStatement();
					var result = statement.executeQuery("select 1")) {
				return result.next();
			}
			catch (SQLException ex) {
				return false;
			}
		}

		@Override
		public String describe() {
			return url;
		}

		@Override
		public String toString() {
			return "Jdbc[" + url + ", " + user + "]";
		}
	}
}
