package io.lazi.image.stproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.lazi.image.content.ImageContent;
import io.lazi.platform.observability.QuerylessUrlConvention;

/**
 * Fetches one ServiceTitan CDN image: {@link TargetPolicy} on the URL and on every redirect hop,
 * {@link AddressPolicy} on every resolved address (through {@link CheckedDnsResolver}), redirects
 * followed by hand up to {@code max-redirects}, the whole fetch within {@code timeout}, the body within
 * {@code max-size} and sniffed as PNG, JPEG, WebP or GIF. Every refusal is logged at WARN with host and
 * path only. Sent through a {@link RestClient} over that Apache client, so each hop is measured in
 * {@code http.client.requests} ({@code uri} {@code none}; a trace records the URL without its query).
 * Thread-safe; close it to release its connections.
 */
public final class StCdnProxy implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(StCdnProxy.class);

	private static final int CHUNK = 16 * 1024;

	private final StProxyProperties properties;

	private final TargetPolicy targets;

	private final CloseableHttpClient http;

	private final RestClient cdn;

	/**
	 * @param builder the application's {@link RestClient.Builder} (cloned, not changed), which observes the calls;
	 *        its request factory is replaced by one over this proxy's guarded client
	 */
	public StCdnProxy(StProxyProperties properties, HostResolver resolver, RestClient.Builder builder) {
		this.properties = properties;
		this.targets = new TargetPolicy(properties);
		var connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(new CheckedDnsResolver(resolver, properties.allowLoopback()))
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(properties.connectTimeout()))
				.setSocketTimeout(Timeout.of(properties.timeout()))
				.build())
			.setMaxConnTotal(64)
			.setMaxConnPerRoute(16)
			.build();
		this.http = HttpClients.custom()
			.setConnectionManager(connections)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(properties.timeout())).build())
			.build();
		this.cdn = builder.clone()
			.requestFactory(new HttpComponentsClientHttpRequestFactory(http))
			.observationConvention(new QuerylessUrlConvention())
			.build();
	}

	/**
	 * Refuses a target the proxy would never fetch (scheme, user info, host, port), before anything is
	 * looked up or asked of the tenant's data.
	 *
	 * @throws ProxyRefusedException naming the rule
	 */
	public void check(URI target) {

		var refusal = targets.refusal(target);
		if (refusal != null) {
			throw refused(target, refusal);
		}
	}

	/**
	 * @param target absolute URL of the image
	 * @throws ProxyRefusedException when a policy refuses the fetch
	 * @throws ProxyUpstreamException when an allowed CDN fails or is too slow
	 */
	public ImageContent fetch(URI target) {

		var deadline = System.nanoTime() + properties.timeout().toNanos();
		var current = target;
		for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
			var refusal = targets.refusal(current);
			if (refusal != null) {
				throw refused(current, hop == 0 ? refusal : "redirect: " + refusal);
			}
			var next = fetchHop(current, deadline);
			if (next.content() != null) {
				return next.content();
			}
			current = java.util.Objects.requireNonNull(next.redirect());
		}
		throw refused(target, "more than " + properties.maxRedirects() + " redirects");
	}

	private Hop fetchHop(URI uri, long deadline) {

		try {
			return cdn.get()
				.uri(uri)
				.header(HttpHeaders.ACCEPT, "image/png, image/jpeg, image/webp, image/gif")
				.exchange((request, response) -> {
					var body = response.getBody();
					try {
						return answer(uri, response, body, deadline);
					}
					catch (RuntimeException ex) {
						// Drop the connection instead of draining an unwanted body on close.
						abort(body);
						throw ex;
					}
				});
		}
		catch (ResourceAccessException ex) {
			// Its message names the URL with its query; only the I/O error goes on.
			var cause = ex.getCause() == null ? new IOException("no answer") : ex.getCause();
			if (cause instanceof CheckedDnsResolver.ForbiddenAddressException forbidden) {
				throw refused(uri, forbidden.getMessage());
			}
			if (cause instanceof InterruptedIOException) {
				throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " timed out", true, cause);
			}
			throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " failed: " + cause.getClass().getSimpleName(),
					false, cause);
		}
	}

	private Hop answer(URI uri, ClientHttpResponse response, InputStream body, long deadline) throws IOException {

		int status = response.getStatusCode().value();
		if (status >= 300 && status < 400) {
			var location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
			if (location == null) {
				throw new ProxyUpstreamException("Redirect without Location from " + TargetPolicy.loggable(uri));
			}
			return Hop.redirect(resolve(uri, location));
		}
		if (status != 200) {
			throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " answered " + status);
		}
		var length = response.getHeaders().getContentLength();
		if (length > properties.maxSize().toBytes()) {
			throw refused(uri, "body of " + length + " bytes over the limit");
		}
		var bytes = read(body, uri, deadline);
		if (bytes.length == 0) {
			throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " answered without a body");
		}
		return Hop.content(ImageContent.sniff(bytes).orElseThrow(() -> refused(uri, "body is not an image")));
	}

	/** Closes the connection under {@code body} without reading the rest of it; it is not reused. */
	private static void abort(InputStream body) {
		try {
			if (body instanceof EofSensorInputStream connection) {
				connection.abort();
			}
			else {
				body.close();
			}
		}
		catch (IOException ex) {
			LOG.debug("Closing an unwanted CDN answer failed: {}", ex.getMessage());
		}
	}

	private byte[] read(InputStream body, URI uri, long deadline) throws IOException {

		var limit = properties.maxSize().toBytes();
		var out = new java.io.ByteArrayOutputStream();
		var buffer = new byte[CHUNK];
		int n;
		while ((n = body.read(buffer)) != -1) {
			out.write(buffer, 0, n);
			if (out.size() > limit) {
				throw refused(uri, "body over " + limit + " bytes");
			}
			if (System.nanoTime() > deadline) {
				throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " exceeded " + properties.timeout(), true,
						new InterruptedIOException("deadline"));
			}
		}
		return out.toByteArray();
	}

	private URI resolve(URI base, String location) {
		try {
			return base.resolve(new URI(location));
		}
		catch (URISyntaxException ex) {
			throw refused(base, "redirect to a malformed location");
		}
	}

	private static ProxyRefusedException refused(URI uri, String reason) {
		LOG.warn("CDN proxy refused {}: {}", TargetPolicy.loggable(uri), reason);
		return new ProxyRefusedException(reason);
	}

	/** The time limit of one fetch. */
	public Duration timeout() {
		return properties.timeout();
	}

	@Override
	public void close() throws IOException {
		http.close();
	}

	private record Hop(@Nullable ImageContent content, @Nullable URI redirect) {

		static Hop content(ImageContent content) {
			return new Hop(content, null);
		}

		static Hop redirect(URI redirect) {
			return new Hop(null, redirect);
		}
	}
}
