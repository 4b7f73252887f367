package io.lazi.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What image-service holds for a tenant, from its {@code GET /images/stats} (called directly, with the
 * trusted {@code X-Tenant-ID}): {@code cachedInMemory}, {@code storedInDatabase}, {@code storedBytes},
 * {@code nodesWithImage}. Prefetching runs in the background, so the figures grow after a sync.
 */
final class ImageCacheStats {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ImageCacheStats() {
	}

	/**
	 * E.g. {@code 1702 in memory, 1702 in DB (3.1 MB) of 1702}; a short failure note when
	 * image-service does not answer.
	 */
	static String describe(String imageBaseUrl, String tenant) {

		var request = HttpRequest.newBuilder(URI.create(imageBaseUrl + "/images/stats"))
			.header("X-Tenant-ID", tenant)
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return "unknown (image-service answered " + response.statusCode() + ")";
			}
			var stats = JSON.readTree(response.body());
			return String.format(Locale.ROOT, "%d in memory, %d in DB (%.1f MB) of %d", stats.path("cachedInMemory").asLong(),
					stats.path("storedInDatabase").asLong(), stats.path("storedBytes").asLong() / 1_000_000.0,
					stats.path("nodesWithImage").asLong());
		}
		catch (IOException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown (interrupted)";
		}
	}
}
