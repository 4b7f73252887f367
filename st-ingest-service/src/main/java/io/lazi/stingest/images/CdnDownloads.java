package io.lazi.stingest.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.lazi.platform.observability.QuerylessUrlConvention;

/**
 * Downloads the bytes a ServiceTitan image redirect points at: http and https only, redirects followed by
 * hand up to {@code max-redirects}, each hop bounded by {@code timeout} (connect, then the whole answer), the
 * body by {@code max-size}. A {@link RestClient} from the application's builder over the JDK
 * {@link HttpClient}, so each hop is measured in {@code http.client.requests} (client name the CDN host;
 * {@code uri} is {@code none}, the path of a CDN object being no template; a trace records the URL without its
 * query, which may sign the link). Thread-safe.
 */
@Component
class CdnDownloads {

	private static final Set<String> SCHEMES = Set.of("http", "https");

	private final ImageDownloadProperties properties;

	private final RestClient cdn;

	CdnDownloads(RestClient.Builder builder, ImageDownloadProperties properties) {
		this.properties = properties;
		var http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.timeout())
			.build();
		var requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.timeout());
		this.cdn = builder.clone().requestFactory(requests).observationConvention(new QuerylessUrlConvention()).build();
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
			var hopUri = next;
			Hop answer;
			try {
				answer = cdn.get().uri(hopUri).exchange((request, response) -> {
					// Closed here, unread: the client would otherwise drain a body refused for its size or status.
					try (var body = response.getBody()) {
						var status = response.getStatusCode().value();
						if (status >= 200 && status < 300) {
							return Hop.bytes(read(body, hopUri));
						}
						if (status >= 300 && status < 400) {
							var target = response.getHeaders().getFirst(HttpHeaders.LOCATION);
							if (target == null) {
								throw new ImageDownloadException("Redirect without Location from " + hostOf(location));
							}
							return Hop.redirect(hopUri.resolve(target));
						}
						throw new ImageDownloadException("CDN " + hostOf(hopUri) + " answered " + status);
					}
				});
			}
			catch (ResourceAccessException ex) {
				throw failure(hopUri, ex);
			}
			if (answer.bytes() != null) {
				return answer.bytes();
			}
			next = answer.redirect();
		}
		throw new ImageDownloadException("More than " + properties.maxRedirects() + " redirects from " + hostOf(location));
	}

	/** The failure of a hop that got no usable answer; its cause is the I/O error alone (the wrapper names the URL). */
	private ImageDownloadException failure(URI uri, ResourceAccessException ex) {

		Throwable cause = ex.getCause() == null ? new IOException("no answer") : ex.getCause();
		if (cause instanceof HttpTimeoutException) {
			return new ImageDownloadException("CDN " + hostOf(uri) + " did not answer within " + properties.timeout(),
					cause);
		}
		if (Thread.currentThread().isInterrupted()) {
			return new ImageDownloadException("Download from " + hostOf(uri) + " interrupted", cause);
		}
		return new ImageDownloadException("Download from " + hostOf(uri) + " failed: " + cause.getMessage(), cause);
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
		if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null) {
			throw new ImageDownloadException("Refusing to download from a non-http(s) location (" + uri.getScheme() + ")");
		}
	}

	private static String hostOf(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
	}

	/** What one hop answered: the image's bytes, or where it redirects to. */
	private record Hop(byte @Nullable [] bytes, @Nullable URI redirect) {

		static Hop bytes(byte[] bytes) {
			return new Hop(bytes, null);
		}

		static Hop redirect(URI redirect) {
			return new Hop(null, redirect);
		}
	}
}
