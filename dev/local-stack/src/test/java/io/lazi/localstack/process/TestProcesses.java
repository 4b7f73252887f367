package io.lazi.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * Small Java programs the supervision tests start as child processes, from the test class path:
 * {@code sleep} (does nothing until killed), {@code health <port>} (answers {@code UP} on
 * {@code /actuator/health} as a Spring Boot service would), {@code supervise <state file>} (a
 * supervisor that starts one {@code sleep} child, prints its pid and waits).
 */
public final class TestProcesses {

	private TestProcesses() {
	}

	/** {@code java -cp <test class path> TestProcesses <args>}. */
	static List<String> command(String... args) {

		return JavaCommand.mainClass(List.of(System.getProperty("java.class.path")), TestProcesses.class.getName(),
				List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), List.of(args));
	}

	/** A spec of {@link #command} named {@code name}, logging into {@code directory}. */
	static ProcessSpec spec(String name, Path directory, Readiness readiness, String... args) {
		return new ProcessSpec(name, command(args), Map.of(), directory.resolve("logs/" + name + ".log"), 0, readiness);
	}

	/** An HTTP server answering {@code {"status":"UP"}} on {@code /actuator/health} on {@code port}. */
	static HttpServer healthServer(int port) throws IOException {

		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/actuator/health", exchange -> {
			var body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

	/**
	 * @param args {@code sleep}, {@code health <port>} or {@code supervise <state file>}
	 */
	public static void main(String[] args) throws Exception {

		switch (args[0]) {
			case "sleep" -> new CountDownLatch(1).await();
			case "health" -> {
				healthServer(Integer.parseInt(args[1]));
				new CountDownLatch(1).await();
			}
			case "supervise" -> {
				var stateFile = Path.of(args[1]);
				var supervisor = new ProcessSupervisor(stateFile);
				var child = supervisor.start(spec("grandchild", stateFile.getParent(), Readiness.none(), "sleep"));
				System.out.println("grandchild " + child.pid());
				System.out.flush();
				Thread.sleep(Duration.ofMinutes(5));
			}
			default -> throw new IllegalArgumentException(args[0]);
		}
	}
}
