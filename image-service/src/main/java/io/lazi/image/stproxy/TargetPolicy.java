package io.lazi.image.stproxy;

import java.net.URI;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Whether a URL may be fetched at all, before any lookup: scheme {@code https} (or {@code http} when
 * allowed), no user info, a host on the allow-list, a port on the allowed list.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class TargetPolicy {

	private final StProxyProperties properties;

	/** Why {@code uri} is refused, or {@code null} when it may be fetched. */
	@Nullable
	String refusal(URI uri) {

		var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowHttp())) {
			return "scheme " + scheme + " not allowed";
		}
		if (uri.getRawUserInfo() != null) {
			return "user info not allowed";
		}
		var host = uri.getHost();
		if (host == null || !allowedHost(host.toLowerCase(Locale.ROOT))) {
			return "host not on the allow-list";
		}
		var port = uri.getPort() < 0 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
		if (!properties.allowedPorts().contains(port)) {
			return "port " + port + " not allowed";
		}
		return null;
	}

	private boolean allowedHost(String host) {
		return properties.allowedHosts().stream()
			.anyMatch(entry -> entry.startsWith(".") ? host.endsWith(entry) && host.length() > entry.length()
					: host.equals(entry));
	}

	/** {@code scheme://host[:port]/path}: what a log line may show of {@code uri} (never the query). */
	static String loggable(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
				+ (uri.getRawPath() == null ? "" : uri.getRawPath());
	}
}
