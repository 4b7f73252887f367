package io.lazi.gateway.console;

import java.net.URI;

/**
 * The Content-Security-Policy of every gateway response: scripts, styles and fonts only from the
 * gateway itself (no inline code), images from itself and {@code data:}/{@code blob:} (the console
 * shows API images as blobs it fetched with the token), connections to itself (REST, and the
 * WebSocket: CSP Level 3 {@code 'self'} includes {@code ws:}/{@code wss:} of the same host) and to the
 * identity provider (discovery, token endpoint), no plugins, frames or foreign form targets, and no
 * framing of the console by anyone.
 */
public final class ContentSecurityPolicy {

	private ContentSecurityPolicy() {
	}

	/** The policy allowing {@code identityProvider}'s origin for the console's sign-in calls. */
	public static String of(URI identityProvider) {

		var idp = origin(identityProvider);
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self' " + idp, "object-src 'none'",
				"frame-src 'none'", "worker-src 'self'", "base-uri 'self'", "form-action 'self'",
				"frame-ancestors 'none'");
	}

	/** {@code scheme://host[:port]} of {@code uri}. */
	static String origin(URI uri) {

		var port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
		return uri.getScheme() + "://" + uri.getHost() + port;
	}
}
