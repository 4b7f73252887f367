package io.lazi.localstack.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatch line of {@code ./lazi up}'s summary, against a stand-in for the gateway's
 * {@code GET /api/sync/dispatch/status}: the run that followed the CRM sync, and a note for anything else.
 */
class DispatchPullUnitTests {

	private final Deque<Answer> answers = new ArrayDeque<>();

	private HttpServer gateway;

	private final Instant crmTriggered = Instant.parse("2026-12-07T10:00:00Z");

	@BeforeEach
	void start() throws IOException {

		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/api/sync/dispatch/status", exchange -> {
			var answer = answers.size() > 1 ? answers.poll() : answers.peek();
			var body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		gateway.start();
	}

	@AfterEach
	void stop() {
		gateway.stop(0);
	}

	@Test
	void describesTheRunThatFollowedTheCrmSync() {

		answers.add(new Answer(200, "{\"running\":null,\"lastRun\":" + run("2026-12-07T09:00:00Z", "COMPLETED") + "}"));
		answers.add(new Answer(200, "{\"running\":{},\"lastRun\":" + run("2026-12-07T10:00:05Z", "RUNNING") + "}"));
		answers.add(new Answer(200, "{\"running\":null,\"lastRun\":" + run("2026-12-07T10:00:05Z", "COMPLETED") + "}"));

		assertThat(DispatchPull.describe(client(), crmTriggered, Duration.ofSeconds(20)))
			.isEqualTo("412 records in 1.3 s, 9 ServiceTitan calls");
	}

	@Test
	void saysSoWhenStIngestHasNoDispatchResource() {

		answers.add(new Answer(404, "{\"type\":\"https://lazi.io/problems/not-found\"}"));

		assertThat(DispatchPull.describe(client(), crmTriggered, Duration.ofSeconds(5))).startsWith("not pulled");
	}

	@Test
	void reportsAFailedRunAndOneThatDidNotEndInTime() {

		answers.add(new Answer(200, "{\"lastRun\":{\"startedAt\":\"2026-12-07T10:00:01Z\",\"status\":\"FAILED\","
				+ "\"error\":\"ServiceTitan answered 503\"}}"));
		assertThat(DispatchPull.describe(client(), crmTriggered, Duration.ofSeconds(5)))
			.isEqualTo("the pull failed: ServiceTitan answered 503");

		answers.clear();
		answers.add(new Answer(200, "{\"running\":null,\"lastRun\":" + run("2026-12-07T09:00:00Z", "COMPLETED") + "}"));
		assertThat(DispatchPull.describe(client(), crmTriggered, Duration.ofMillis(1))).startsWith("no run ended within");
	}

	@Test
	void neverFailsTheSummaryWhenTheGatewayIsGone() {

		var url = "http://127.0.0.1:" + gateway.getAddress().getPort();
		gateway.stop(0);

		assertThat(DispatchPull.describe(ServiceClient.gateway(url, "token", "3222348440"), crmTriggered,
				Duration.ofSeconds(5))).startsWith("unknown (");
	}

	private ServiceClient client() {
		return ServiceClient.gateway("http://127.0.0.1:" + gateway.getAddress().getPort(), "token", "3222348440");
	}

	private static String run(String startedAt, String status) {
		return "{\"startedAt\":\"" + startedAt + "\",\"status\":\"" + status
				+ "\",\"durationMs\":1300,\"rootCount\":412,\"stCalls\":9,\"error\":null}";
	}

	record Answer(int status, String body) {
	}
}
