package io.lazi.localstack.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.lazi.localstack.process.Elapsed;

/**
 * The services, materials and equipment a pricebook sync brought along: st-ingest pulls them in a
 * {@code pricebook.skus} run after each categories run ({@code GET /api/sync/pricebook/skus/status});
 * this waits for that run and for pricebook-service to hold every SKU it published, then describes
 * the result, e.g. {@code 581 / 868 / 115 active (1620 pulled in 0.6 s, 3 ServiceTitan calls)}.
 */
final class SkuCounts {

	private static final List<String> KINDS = List.of("services", "materials", "equipment");

	private SkuCounts() {
	}

	/** A one-line description, or why there is none; never throws for a slow or failed run. */
	static String describe(ServiceClient gateway, Duration timeout) {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var status = gateway.get("/api/sync/pricebook/skus/status");
			var run = status.statusCode() == 200 ? ServiceClient.json(status).path("lastRun") : null;
			if (run != null && "FAILED".equals(run.path("status").asText())) {
				return "the SKU pull failed: " + run.path("error").asText();
			}
			if (run != null && "COMPLETED".equals(run.path("status").asText())) {
				var stored = 0L;
				var active = new long[KINDS.size()];
				for (int i = 0; i < KINDS.size(); i++) {
					stored += total(gateway, KINDS.get(i), "all");
					active[i] = total(gateway, KINDS.get(i), "true");
				}
				if (stored >= run.path("rootCount").asLong()) {
					return String.format(Locale.ROOT, "%d / %d / %d active (%d pulled in %s, %d ServiceTitan calls)",
							active[0], active[1], active[2], run.path("rootCount").asLong(),
							Elapsed.seconds(Duration.ofMillis(run.path("durationMs").asLong())), run.path("stCalls").asLong());
				}
			}
			ServiceClient.pause();
		}
		return "not all stored after " + timeout.toSeconds() + " s (see GET /api/sync/pricebook/skus/status)";
	}

	private static long total(ServiceClient gateway, String kind, String active) {
		return ServiceClient.json(gateway.get("/api/pricebook/" + kind + "?size=1&active=" + active)).path("totalItems").asLong();
	}
}
