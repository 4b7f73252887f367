package io.lazi.image.stproxy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The CDN proxy's limits ({@code lazi.image.st-proxy.*}).
 *
 * @param allowedHosts host names fetched from, case-insensitive; an entry starting with {@code .}
 *        admits that domain's subdomains (e.g. {@code .servicetitan.io})
 * @param allowedPorts ports fetched from (default 443)
 * @param scheme {@code https} (default) or {@code http}, used for every hop
 * @param allowHttp whether redirects to {@code http} are followed (only for the local simulator)
 * @param allowLoopback whether loopback addresses may be connected to; only the local stack sets it
 *        (its simulated CDN is on localhost); every other private range stays refused
 * @param maxSize largest image body; a longer one is refused
 * @param connectTimeout limit of connecting to one hop
 * @param timeout limit of a whole fetch, redirects included
 * @param maxRedirects redirects followed, each re-checked
 */
@ConfigurationProperties("lazi.image.st-proxy")
public record StProxyProperties(
		@DefaultValue({ "api.servicetitan.io", "api-integration.servicetitan.io" }) List<String> allowedHosts,
		@DefaultValue("443") Set<Integer> allowedPorts, @DefaultValue("https") String scheme,
		@DefaultValue("false") boolean allowHttp, @DefaultValue("false") boolean allowLoopback,
		@DefaultValue("10MB") DataSize maxSize, @DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("10s") Duration timeout, @DefaultValue("3") int maxRedirects) {

	public StProxyProperties {
		allowedHosts = allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty())
			.map(h -> h.toLowerCase(Locale.ROOT)).toList();
		scheme = scheme.toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
			throw new IllegalArgumentException("lazi.image.st-proxy.scheme must be https (http needs allow-http)");
		}
		if (maxSize.toBytes() < 1 || maxRedirects < 0 || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("lazi.image.st-proxy max-size and timeout must be positive");
		}
	}
}
