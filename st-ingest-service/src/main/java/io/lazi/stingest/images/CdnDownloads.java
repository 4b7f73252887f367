package io.lazi.stingest.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Downloads the bytes a ServiceTitan image redirect points at with the JDK {@link HttpClient}:
 * http and https only, redirects followed by hand up to {@code max-redirects}, each hop bounded by
 * {@code timeout}, the body by {@code max-size}. Thread-safe.
 */
@Component
class CdnDownloads {

	private static final Set<String> SCHEMES = Set.of("http", "https");

	private final ImageDownloadProperties properties;

	private final HttpClient http;

	CdnDownloads(ImageDownloadProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.timeout())
			.build();
	}

	/**
	 * The body at {@code location}.
	 *
	 * @throws ImageDownloadException when it cannot be downloaded within the limits
	 */
	byte[] download(URI location) {

		var next = location;
		for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
			check(next);
			var request = HttpRequest.newBuilder(next).timeout(properties.timeout()).GET().build();
			try {
				var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
				try (var body = response.body()) {
					var status = response.statusCode();
					if (status >= 200 && status < 300) {
						return read(body, next);
					}
					if (status >= 300 && status < 400) {
						var target = response.headers().firstValue("Location")
							.orElseThrow(() -> new ImageDownloadException(
									"Redirect without Location from " + hostOf(location)));
						next = next.resolve(target);
						continue;
					}
					throw new ImageDownloadException("CDN " + hostOf(next) + " answered " + status);
				}
			}
			catch (HttpTimeoutException ex) {
				throw new ImageDownloadException("CDN " + hostOf(next) + " did not answer within " + properties.timeout(), ex);
			}
			catch (IOException ex) {
				throw new ImageDownloadException("Download from " + hostOf(next) + " failed: " + ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ImageDownloadException("Download from " + hostOf(next) + " interrupted", ex);
			}
		}
		throw new ImageDownloadException("More than " + properties.maxRedirects() + " redirects from " + hostOf(location));
	}

	private byte[] read(InputStream body, URI from) throws IOException {

		var limit = properties.maxSize().toBytes();
		var bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (bytes.length > limit) {
			throw new ImageDownloadException("Image from " + hostOf(from) + " exceeds " + limit + " bytes");
		}
		return bytes;
	}

	private static void check(URI uri) {
		if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
				|| uri.getHost() == null) {
			throw new ImageDownloadException("Refusing to download from a non-http(s) location (" + uri.getScheme() + ")");
		}
	}

	private static String hostOf(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
	}
}
