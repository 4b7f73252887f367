package io.lazi.localstack.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * What image-service holds for a tenant, from its {@code GET /images/stats} (called directly, with a user
 * token of the tenant): {@code cachedInMemory}, {@code storedInDatabase},
 * {@code storedBytes}, {@code nodesWithImage}. Prefetching runs in the background, so the figures grow
 * after a sync.
 */
final class ImageCacheStats {

	private ImageCacheStats() {
	}

	/**
	 * E.g. {@code 1702 in memory, 1702 in DB (3.1 MB) of 1702}; a short failure note when
	 * image-service does not answer.
	 */
	static String describe(ServiceClient image) {

		try {
			var response = image.withTimeout(Duration.ofSeconds(5)).get("/images/stats");
			if (response.statusCode() != 200) {
				return "unknown (image-service answered " + response.statusCode() + ")";
			}
			var stats = ServiceClient.json(response);
			return String.format(Locale.ROOT, "%d in memory, %d in DB (%.1f MB) of %d", stats.path("cachedInMemory").asLong(),
					stats.path("storedInDatabase").asLong(), stats.path("storedBytes").asLong() / 1_000_000.0,
					stats.path("nodesWithImage").asLong());
		}
		catch (SyncException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}
}
