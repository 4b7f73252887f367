package io.lazi.image.serving;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Image bytes from ServiceTitan through st-ingest-service's
 * {@code GET /internal/servicetitan/images?path=…} (st-ingest owns the credentials and the tenant's
 * rate budget, and follows ServiceTitan's 302 to its CDN). Thread-safe.
 */
@Component
class StIngestImages {

	private final ServingProperties.StIngest properties;

	private final HttpClient http;

	StIngestImages(ServingProperties properties) {
		this.properties = properties.stIngest();
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(this.properties.timeout())
			.build();
	}

	/**
	 * @return the bytes, or empty when ServiceTitan has no image at {@code path}
	 * @throws UpstreamImageException on any other answer, a timeout or an I/O failure
	 */
	Optional<byte[]> fetch(String tenantId, String path) {

		var uri = URI.create(properties.url().toString().replaceAll("/+$", "") + "/internal/servicetitan/images?path="
				+ URLEncoder.encode(path, StandardCharsets.UTF_8));
		var request = HttpRequest.newBuilder(uri)
			.timeout(properties.timeout())
			.header("X-Tenant-ID", tenantId)
			.GET()
			.build();
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return switch (response.statusCode()) {
				case 200 -> Optional.of(response.body());
				case 404 -> Optional.empty();
				default -> throw new UpstreamImageException(
						"st-ingest-service answered " + response.statusCode() + " for an image of tenant " + tenantId);
			};
		}
		catch (IOException ex) {
			throw new UpstreamImageException("st-ingest-service unreachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpstreamImageException("Interrupted while fetching an image", ex);
		}
	}
}
