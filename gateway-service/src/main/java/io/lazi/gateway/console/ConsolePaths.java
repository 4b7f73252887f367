package io.lazi.gateway.console;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * Which requests belong to the console: {@code GET} or {@code HEAD} of any path outside the gateway's
 * own prefixes ({@code /api}, {@code /images}, {@code /ws}, {@code /internal}, {@code /actuator}). These
 * are its static files and its client routes, which anyone may load without a token (the console
 * signs in once loaded); everything under the prefixes stays as the access rules say.
 */
public final class ConsolePaths {

	/** Path prefixes the console never answers. */
	static final List<String> RESERVED = List.of("/api", "/images", "/ws", "/internal", "/actuator");

	/** Hashed build output, immutable. */
	static final String ASSETS = "/assets/";

	/** The console's run-time settings. */
	static final String CONFIG = "/console-config.json";

	private ConsolePaths() {
	}

	/** Whether {@code path} is the console's: not under a {@link #RESERVED} prefix. */
	public static boolean isConsole(String path) {

		if (!path.startsWith("/")) {
			return false;
		}
		for (var prefix : RESERVED) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return false;
			}
		}
		return true;
	}

	/** A client route (answered with {@code index.html}): a console path whose last segment has no dot. */
	static boolean isClientRoute(String path) {
		return isConsole(path) && !path.startsWith(ASSETS) && path.substring(path.lastIndexOf('/') + 1).indexOf('.') < 0;
	}

	/** Matches the console's requests, for the security chain to let them through without a token. */
	public static ServerWebExchangeMatcher matcher() {

		return exchange -> {
			var request = exchange.getRequest();
			var method = request.getMethod();
			var console = (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
					&& isConsole(request.getPath().pathWithinApplication().value());
			return console ? MatchResult.match() : MatchResult.notMatch();
		};
	}
}
