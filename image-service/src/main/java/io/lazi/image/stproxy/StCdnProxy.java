package io.lazi.image.stproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lazi.image.content.ImageContent;

/**
 * Fetches one ServiceTitan CDN image: {@link TargetPolicy} on the URL and on every redirect hop,
 * {@link AddressPolicy} on every resolved address (through {@link CheckedDnsResolver}), redirects
 * followed by hand up to {@code max-redirects}, the whole fetch within {@code timeout}, the body within
 * {@code max-size} and sniffed as PNG, JPEG, WebP or GIF. Every refusal is logged at WARN with host and
 * path only. Thread-safe; close it to release its connections.
 */
public final class StCdnProxy implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(StCdnProxy.class);

	private static final int CHUNK = 16 * 1024;

	private final StProxyProperties properties;

	private final TargetPolicy targets;

	private final CloseableHttpClient http;

	public StCdnProxy(StProxyProperties properties, HostResolver resolver) {
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

		var request = new HttpGet(uri);
		request.setHeader(HttpHeaders.ACCEPT, "image/png, image/jpeg, image/webp, image/gif");
		try {
			return http.execute(request, response -> {
				try {
					return answer(uri, response, deadline);
				}
				catch (RuntimeException ex) {
					// Drop the connection instead of draining an unwanted body on close.
					request.cancel();
					throw ex;
				}
			});
		}
		catch (CheckedDnsResolver.ForbiddenAddressException ex) {
			throw refused(uri, ex.getMessage());
		}
		catch (InterruptedIOException ex) {
			throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " timed out", true, ex);
		}
		catch (IOException ex) {
			throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " failed: " + ex.getClass().getSimpleName(),
					false, ex);
		}
	}

	private Hop answer(URI uri, ClassicHttpResponse response, long deadline) throws IOException {

		int status = response.getCode();
		if (status >= 300 && status < 400) {
			var location = response.getFirstHeader(HttpHeaders.LOCATION);
			if (location == null) {
				throw new ProxyUpstreamException("Redirect without Location from " + TargetPolicy.loggable(uri));
			}
			return Hop.redirect(resolve(uri, location.getValue()));
		}
		if (status != 200) {
			throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " answered " + status);
		}
		var entity = response.getEntity();
		if (entity == null) {
			throw new ProxyUpstreamException(TargetPolicy.loggable(uri) + " answered without a body");
		}
		if (entity.getContentLength() > properties.maxSize().toBytes()) {
			throw refused(uri, "body of " + entity.getContentLength() + " bytes over the limit");
		}
		var bytes = read(entity.getContent(), uri, deadline);
		return Hop.content(ImageContent.sniff(bytes).orElseThrow(() -> refused(uri, "body is not an image")));
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
