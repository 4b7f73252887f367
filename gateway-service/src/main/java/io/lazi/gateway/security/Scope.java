package io.lazi.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** What a request path is, for the checks that differ between REST and the WebSocket handshake. */
enum Scope {

	API, WEBSOCKET, OTHER;

	static Scope of(ServerHttpRequest request) {

		var path = request.getPath().pathWithinApplication().value();
		// Image routes carry the tenant like REST does (image-service scopes every image by it).
		if (path.startsWith("/api/") || path.startsWith("/images/")) {
			return API;
		}
		if (path.equals("/ws") || path.startsWith("/ws/")) {
			return WEBSOCKET;
		}
		return OTHER;
	}
}
