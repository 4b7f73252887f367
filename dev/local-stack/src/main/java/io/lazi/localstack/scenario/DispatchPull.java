package io.lazi.localstack.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.lazi.localstack.process.Elapsed;

/**
 * The dispatch records (technicians, teams, zones, assignments, shifts, …) that field-service reads: st-ingest pulls
 * them in a {@code dispatch} run after each completed CRM run ({@code GET /api/sync/dispatch/status}). This waits for
 * the run that followed the CRM sync and describes it, e.g. {@code 412 records in 1.3 s, 9 ServiceTitan calls}.
 * Tolerant: an st-ingest without that resource, a slow or failed run, or no answer is a note, never an error.
 */
final class DispatchPull {

	private static final String STATUS = "/api/sync/dispatch/status";

	/** How far the run's start (st-ingest's clock) may be before the CRM sync's trigger (ours) and still follow it. */
	private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

	private DispatchPull() {
	}

	/**
	 * A one-line description of the dispatch run that started at or after {@code crmTriggered}, or why there is none.
	 * @param timeout how long to wait for that run to end
	 */
	static String describe(ServiceClient gateway, Instant crmTriggered, Duration timeout) {

		var deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				var response = gateway.sendPolitely("GET", STATUS, null);
				if (response.statusCode() == 404) {
					return "not pulled (this st-ingest has no dispatch resource)";
				}
				if (response.statusCode() == 200) {
					var run = ServiceClient.json(response).path("lastRun");
					if (followed(run, crmTriggered)) {
						var status = run.path("status").asText();
						if ("FAILED".equals(status)) {
							return "the pull failed: " + run.path("error").asText();
						}
						if ("COMPLETED".equals(status)) {
							return describe(run);
						}
					}
				}
				else if (!ServiceClient.NOT_READY.contains(response.statusCode())) {
					return "unknown (GET " + STATUS + " answered " + response.statusCode() + ")";
				}
				if (System.nanoTime() > deadline) {
					return "no run ended within " + timeout.toSeconds() + " s of the CRM sync (see GET " + STATUS + ")";
				}
				ServiceClient.pause();
			}
		}
		catch (SyncException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	private static boolean followed(JsonNode run, Instant crmTriggered) {

		if (!run.hasNonNull("startedAt")) {
			return false;
		}
		try {
			return !Instant.parse(run.path("startedAt").asText()).isBefore(crmTriggered.minus(CLOCK_SLACK));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static String describe(JsonNode run) {

		var duration = run.hasNonNull("durationMs")
				? " in " + Elapsed.seconds(Duration.ofMillis(run.path("durationMs").asLong())) : "";
		return String.format(Locale.ROOT, "%d records%s, %d ServiceTitan calls", run.path("rootCount").asLong(), duration,
				run.path("stCalls").asLong());
	}
}
