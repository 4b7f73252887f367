package io.lazi.image.serving;

import java.net.URI;
import java.util.Locale;

/** The one spelling under which a CDN object is stored and looked up. */
final class CdnLocations {

	private CdnLocations() {
	}

	/**
	 * {@code scheme://host[:port]/path[?query]} of {@code location}, normalised, scheme and host in
	 * lower case, without fragment or user info.
	 */
	static String key(URI location) {

		var normal = location.normalize();
		var host = normal.getHost() == null ? "" : normal.getHost().toLowerCase(Locale.ROOT);
		return normal.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (normal.getPort() < 0 ? "" : ":" + normal.getPort())
				+ (normal.getRawPath() == null ? "" : normal.getRawPath())
				+ (normal.getRawQuery() == null ? "" : "?" + normal.getRawQuery());
	}
}
