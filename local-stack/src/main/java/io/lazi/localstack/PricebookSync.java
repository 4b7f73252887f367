package io.lazi.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a full pricebook sync of one tenant through the gateway, the way a user's browser would:
 * {@code POST /api/sync/pricebook/full}, poll {@code GET /api/sync/pricebook/status} until the run
 * has finished, then poll {@code GET /api/pricebook/categories/stats} until pricebook-service holds
 * every category the run fetched.
 */
final class PricebookSync {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<Integer> GATEWAY_NOT_READY = Set.of(502, 503, 504);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gatewayUrl;

	private final String token;

	private final String tenant;

	private final Duration timeout;

	PricebookSync(String gatewayUrl, String token, String tenant, Duration timeout) {

		this.gatewayUrl = gatewayUrl;
		this.token = token;
		this.tenant = tenant;
		this.timeout = timeout;
	}

	/**
	 * The finished run ({@code lastRun} of the status) and the pricebook statistics that match it.
	 */
	record Result(JsonNode run, JsonNode stats) {
	}

	/**
	 * @throws SyncException when the run fails, the gateway refuses, or {@code timeout} passes
	 */
	Result run() {

		var deadline = System.nanoTime() + timeout.toNanos();
		var runId = trigger(deadline);
		var run = awaitRun(runId, deadline);
		if (!"COMPLETED".equals(run.path("status").asText())) {
			throw new SyncException("Sync run " + runId + " of tenant " + tenant + " FAILED: "
					+ run.path("error").asText("(no error given)"));
		}
		return new Result(run, awaitStats(run, deadline));
	}

	private String trigger(long deadline) {

		while (true) {
			var response = send("POST", "/api/sync/pricebook/full");
			if (response.statusCode() == 202 || response.statusCode() == 200) {
				var id = json(response).path("syncRunId");
				if (id.isMissingNode() || id.isNull()) {
					throw new SyncException("POST /api/sync/pricebook/full answered without a syncRunId: " + response.body());
				}
				return id.asText();
			}
			if (response.statusCode() == 409) {
				var running = json(get("/api/sync/pricebook/status")).path("lastRun").path("syncRunId");
				if (!running.isMissingNode() && !running.isNull()) {
					return running.asText();
				}
			}
			if (!GATEWAY_NOT_READY.contains(response.statusCode()) || System.nanoTime() > deadline) {
				throw unexpected("POST /api/sync/pricebook/full", response);
			}
			pause();
		}
	}

	private JsonNode awaitRun(String runId, long deadline) {

		while (true) {
			var response = get("/api/sync/pricebook/status");
			if (response.statusCode() == 200) {
				var run = json(response).path("lastRun");
				var status = run.path("status").asText("");
				if (runId.equals(run.path("syncRunId").asText()) && Set.of("COMPLETED", "FAILED").contains(status)) {
					return run;
				}
			}
			else if (!GATEWAY_NOT_READY.contains(response.statusCode())) {
				throw unexpected("GET /api/sync/pricebook/status", response);
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("Sync run " + runId + " did not finish within " + timeout.toSeconds()
						+ " s; last status: " + response.body());
			}
			pause();
		}
	}

	private JsonNode awaitStats(JsonNode run, long deadline) {

		while (true) {
			var response = get("/api/pricebook/categories/stats");
			if (response.statusCode() == 200) {
				var stats = json(response);
				if (stats.path("subcategories").asLong(-1) == run.path("subcategoryCount").asLong(-2)
						&& stats.path("roots").asLong(-1) == run.path("rootCount").asLong(-2)) {
					return stats;
				}
				if (System.nanoTime() > deadline) {
					throw new SyncException("pricebook-service holds " + stats.path("roots") + " roots and "
							+ stats.path("subcategories") + " subcategories, but the sync fetched "
							+ run.path("rootCount") + " and " + run.path("subcategoryCount") + " (waited "
							+ timeout.toSeconds() + " s)");
				}
			}
			else if (!GATEWAY_NOT_READY.contains(response.statusCode()) || System.nanoTime() > deadline) {
				throw unexpected("GET /api/pricebook/categories/stats", response);
			}
			pause();
		}
	}

	private HttpResponse<String> get(String path) {
		return send("GET", path);
	}

	private HttpResponse<String> send(String method, String path) {

		var request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("X-Tenant-ID", tenant)
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SyncException(method + " " + gatewayUrl + path + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted during " + method + " " + path);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {

		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new SyncException(response.request().uri() + " answered something other than JSON: "
					+ response.body());
		}
	}

	private SyncException unexpected(String what, HttpResponse<String> response) {

		var hint = switch (response.statusCode()) {
			case 401 -> " (the gateway rejected the dev token: is it configured with LAZI_JWT_SECRET?)";
			case 403 -> " (the token lacks the role or tenant)";
			default -> "";
		};
		return new SyncException(what + " through the gateway answered HTTP " + response.statusCode() + hint + ": "
				+ response.body());
	}

	private static void pause() {

		try {
			Thread.sleep(Duration.ofSeconds(1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted while waiting for the sync");
		}
	}

	/** The sync did not complete. */
	static final class SyncException extends RuntimeException {

		SyncException(String message) {
			super(message);
		}
	}
}
