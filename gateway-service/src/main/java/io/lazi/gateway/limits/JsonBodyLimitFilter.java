package io.lazi.gateway.limits;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.lazi.gateway.problem.ProblemResponses;
import io.lazi.gateway.problem.ProblemType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses JSON request bodies over {@code lazi.gateway.limits.max-json-body} with 413 before anything
 * else runs when the length is declared, and stops forwarding a streamed one at the limit (413 too), so
 * that no service behind the gateway is handed more. Uploads (multipart) are limited by image-service.
 */
@Component
class JsonBodyLimitFilter implements WebFilter, Ordered {

	private final long limit;

	private final ProblemResponses problems;

	JsonBodyLimitFilter(LimitsProperties properties, ProblemResponses problems) {
		this.limit = properties.maxJsonBody().toBytes();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		// Ahead of security and rate limiting: an oversized body is refused without reading it.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		var request = exchange.getRequest();
		if (!isJson(request)) {
			return chain.filter(exchange);
		}
		if (request.getHeaders().getContentLength() > limit) {
			return problems.write(exchange, ProblemType.CONTENT_TOO_LARGE, tooLarge());
		}
		return chain.filter(exchange.mutate().request(new Limited(request, limit)).build());
	}

	private String tooLarge() {
		return "The JSON body is larger than " + limit + " bytes";
	}

	private static boolean isJson(ServerHttpRequest request) {

		try {
			var type = request.getHeaders().getContentType();
			return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
		}
		catch (InvalidMimeTypeException ex) {
			// Not JSON as far as anyone can tell; the service answers 415 for it.
			return false;
		}
	}

	private final class Limited extends ServerHttpRequestDecorator {

		private final long max;

		Limited(ServerHttpRequest delegate, long max) {
			super(delegate);
			this.max = max;
		}

		@Override
		public Flux<DataBuffer> getBody() {

			var read = new long[1];
			return super.getBody().handle((buffer, sink) -> {
				read[0] += buffer.readableByteCount();
				if (read[0] > max) {
					DataBufferUtils.release(buffer);
					sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge()));
				}
				else {
					sink.next(buffer);
				}
			});
		}
	}
}
