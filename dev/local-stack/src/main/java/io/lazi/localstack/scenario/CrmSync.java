package io.lazi.localstack.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the CRM sync of one tenant through the gateway: {@code POST /api/crm/sync/trigger}, poll
 * {@code GET /api/crm/sync/status} until crm-pipeline-service has logged the run as finished, wait
 * until its consumer group has processed every raw record published (the completion is logged while
 * the last records may still be applying, and with several instances a rebalance can pause them for
 * seconds), then read {@code GET /api/crm/sync/stats} until two reads a second apart agree.
 */
final class CrmSync {

	private final ServiceClient gateway;

	private final Duration timeout;

	private final LongSupplier unprocessedRecords;

	/**
	 * @param unprocessedRecords the records crm-pipeline-service's consumer group has still to process
	 */
	CrmSync(ServiceClient gateway, Duration timeout, LongSupplier unprocessedRecords) {
		this.gateway = gateway;
		this.timeout = timeout;
		this.unprocessedRecords = unprocessedRecords;
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
		awaitProcessed(deadline);
		return new Result(run, awaitStableStats(deadline));
	}

	private void awaitProcessed(long deadline) {

		long left;
		while ((left = unprocessedRecords.getAsLong()) > 0) {
			if (System.nanoTime() > deadline) {
				throw new SyncException("crm-pipeline-service still had " + left + " raw records to apply after "
						+ timeout.toSeconds() + " s");
			}
			ServiceClient.pause();
		}
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
