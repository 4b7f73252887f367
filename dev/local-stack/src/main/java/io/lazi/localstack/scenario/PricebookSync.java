package io.lazi.localstack.scenario;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs a full pricebook sync of one tenant through the gateway, the way a user's browser would:
 * {@code POST /api/sync/pricebook/full}, poll {@code GET /api/sync/pricebook/status} until the run
 * has finished, then poll {@code GET /api/pricebook/categories/stats} until pricebook-service holds
 * every category the run fetched.
 */
public final class PricebookSync {

	private final ServiceClient gateway;

	private final String tenant;

	private final Duration timeout;

	/**
	 * @param gateway calls through the gateway as an ADMIN of the tenant to sync
	 * @param timeout for the whole sync, from trigger to applied statistics
	 */
	public PricebookSync(ServiceClient gateway, Duration timeout) {

		this.gateway = gateway;
		this.tenant = gateway.tenant();
		this.timeout = timeout;
	}

	/**
	 * The finished run ({@code lastRun} of the status) and the pricebook statistics that match it.
	 */
	public record Result(JsonNode run, JsonNode stats) {
	}

	/**
	 * @throws SyncException when the run fails, the gateway refuses, or {@code timeout} passes
	 */
	public Result run() {

		var deadline = System.nanoTime() + timeout.toNanos();
		var run = completedRun("full", deadline);
		return new Result(run, awaitStats(run, deadline));
	}

	/**
	 * Runs an incremental sync and waits until pricebook-service has started applying it.
	 *
	 * @throws SyncException as {@link #run()}
	 */
	public Result runIncremental() {

		var deadline = System.nanoTime() + timeout.toNanos();
		var run = completedRun("incremental", deadline);
		while (true) {
			var stats = ServiceClient.json(gateway.get("/api/pricebook/categories/stats"));
			if (run.path("syncRunId").asText().equals(stats.path("lastSyncRunId").asText())) {
				return new Result(run, stats);
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("pricebook-service did not apply sync run " + run.path("syncRunId") + " within "
						+ timeout.toSeconds() + " s");
			}
			ServiceClient.pause();
		}
	}

	private JsonNode completedRun(String type, long deadline) {

		var runId = trigger(type, deadline);
		var run = awaitRun(runId, deadline);
		if (!"COMPLETED".equals(run.path("status").asText())) {
			throw new SyncException("Sync run " + runId + " of tenant " + tenant + " FAILED: "
					+ run.path("error").asText("(no error given)"));
		}
		return run;
	}

	private String trigger(String type, long deadline) {

		while (true) {
			var response = gateway.send("POST", "/api/sync/pricebook/" + type);
			if (response.statusCode() == 202 || response.statusCode() == 200) {
				var id = ServiceClient.json(response).path("syncRunId");
				if (id.isMissingNode() || id.isNull()) {
					throw new SyncException("POST /api/sync/pricebook/" + type + " answered without a syncRunId: "
							+ response.body());
				}
				return id.asText();
			}
			if (response.statusCode() == 409) {
				var running = ServiceClient.json(gateway.get("/api/sync/pricebook/status")).path("lastRun").path("syncRunId");
				if (!running.isMissingNode() && !running.isNull()) {
					return running.asText();
				}
			}
			if (!ServiceClient.NOT_READY.contains(response.statusCode()) || System.nanoTime() > deadline) {
				throw gateway.unexpected("POST /api/sync/pricebook/" + type, response);
			}
			ServiceClient.pause();
		}
	}

	private JsonNode awaitRun(String runId, long deadline) {

		while (true) {
			var response = gateway.get("/api/sync/pricebook/status");
			if (response.statusCode() == 200) {
				var run = ServiceClient.json(response).path("lastRun");
				var status = run.path("status").asText("");
				if (runId.equals(run.path("syncRunId").asText()) && Set.of("COMPLETED", "FAILED").contains(status)) {
					return run;
				}
			}
			else if (!ServiceClient.NOT_READY.contains(response.statusCode())) {
				throw gateway.unexpected("GET /api/sync/pricebook/status", response);
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("Sync run " + runId + " did not finish within " + timeout.toSeconds()
						+ " s; last status: " + response.body());
			}
			ServiceClient.pause();
		}
	}

	private JsonNode awaitStats(JsonNode run, long deadline) {

		while (true) {
			var response = gateway.get("/api/pricebook/categories/stats");
			if (response.statusCode() == 200) {
				var stats = ServiceClient.json(response);
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
			else if (!ServiceClient.NOT_READY.contains(response.statusCode()) || System.nanoTime() > deadline) {
				throw gateway.unexpected("GET /api/pricebook/categories/stats", response);
			}
			ServiceClient.pause();
		}
	}
}
