package io.lazi.platform.security.reactive;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Takes {@code ?access_token=} off every request before anything sees it, so the token is never
 * written to a log line with the request URL (WebFlux logs failed requests with their query). On the
 * WebSocket handshake ({@code /ws}, {@code /ws/**}), where browsers cannot set headers, it becomes the
 * {@code Authorization} bearer unless one was sent; anywhere else it is dropped, and the request is
 * then unauthenticated.
 */
final class QueryTokenRelocation implements HttpHandlerDecoratorFactory {

	static final String PARAMETER = "access_token";

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> handler.handle(relocated(request), response);
	}

	static ServerHttpRequest relocated(ServerHttpRequest request) {

		var tokens = request.getQueryParams().get(PARAMETER);
		if (tokens == null) {
			return request;
		}
		var uri = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam(PARAMETER).build(true).toUri();
		var path = request.getPath().pathWithinApplication().value();
		var handshake = path.equals("/ws") || path.startsWith("/ws/");
		var promote = handshake && tokens.size() == 1 && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		return request.mutate().uri(uri).headers(headers -> {
			if (promote) {
				headers.setBearerAuth(java.net.URLDecoder.decode(tokens.getFirst(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}).build();
	}
}
