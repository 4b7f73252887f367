package io.lazi.localstack.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the CRM sync of one tenant through the gateway: {@code POST /api/crm/sync/trigger}, poll
 * {@code GET /api/crm/sync/status} until crm-pipeline-service has logged the run as finished, then
 * read {@code GET /api/crm/sync/stats} until two reads a second apart agree (the last raw records
 * may still be applying when the completion is logged).
 */
final class CrmSync {

	private final ServiceClient gateway;

	private final Duration timeout;

	CrmSync(ServiceClient gateway, Duration timeout) {
		this.gateway = gateway;
		this.timeout = timeout;
	}

	/** The finished run (from the CRM sync log) and the pipeline distribution after it. */
	record Result(JsonNode run, JsonNode stats) {
	}

	/**
	 * @throws SyncException when the run fails, the gateway refuses, or {@code timeout} passes
	 */
	Result run() {

		var deadline = System.nanoTime() + timeout.toNanos();
		var runId = trigger(deadline);
		var run = awaitRun(runId, deadline);
		if (!"completed".equalsIgnoreCase(run.path("status").asText())) {
			throw new SyncException("CRM sync run " + runId + " of tenant " + gateway.tenant() + " ended "
					+ run.path("status").asText() + ": " + run);
		}
		return new Result(run, awaitStableStats(deadline));
	}

	private String trigger(long deadline) {

		while (true) {
			var response = gateway.send("POST", "/api/crm/sync/trigger");
			if (response.statusCode() == 202) {
				return ServiceClient.json(response).path("syncRunId").asText();
			}
			if (response.statusCode() == 409) {
				// A scheduled pull of the tenant is running: follow that run, as the pricebook sync does.
				var running = ServiceClient.json(response).path("syncRunId");
				if (!running.isMissingNode() && !running.isNull()) {
					return running.asText();
				}
			}
			if (!ServiceClient.NOT_READY.contains(response.statusCode()) || System.nanoTime() > deadline) {
				throw gateway.unexpected("POST /api/crm/sync/trigger", response);
			}
			ServiceClient.pause();
		}
	}

	private JsonNode awaitRun(String runId, long deadline) {

		while (true) {
			var response = gateway.get("/api/crm/sync/status");
			if (response.statusCode() == 200) {
				for (var run : ServiceClient.json(response).path("runs")) {
					if (runId.equals(run.path("syncRunId").asText())
							&& Set.of("completed", "failed").contains(run.path("status").asText().toLowerCase(Locale.ROOT))) {
						return run;
					}
				}
			}
			else if (!ServiceClient.NOT_READY.contains(response.statusCode())) {
				throw gateway.unexpected("GET /api/crm/sync/status", response);
			}
			if (System.nanoTime() > deadline) {
				throw new SyncException("CRM sync run " + runId + " was not logged as finished within "
						+ timeout.toSeconds() + " s; last status: " + response.body());
			}
			ServiceClient.pause();
		}
	}

	private JsonNode awaitStableStats(long deadline) {

		JsonNode previous = null;
		while (true) {
			var response = gateway.get("/api/crm/sync/stats");
			if (response.statusCode() != 200) {
				throw gateway.unexpected("GET /api/crm/sync/stats", response);
			}
			var stats = ServiceClient.json(response);
			if (stats.equals(previous) || System.nanoTime() > deadline) {
				return stats;
			}
			previous = stats;
			ServiceClient.pause();
		}
	}
}
