package io.lazi.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details as the whole response of an exchange. Thread-safe. The
 * {@code instance} is the request path only: query strings may carry an access token.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProblemResponses {

	private final JsonMapper json;

	/** Ends {@code exchange} with {@code problem}'s status and a {@code application/problem+json} body. */
	public Mono<Void> write(ServerWebExchange exchange, ProblemType problem, String detail) {
		return write(exchange, problem, problem.status(), detail);
	}

	/** As {@link #write(ServerWebExchange, ProblemType, String)}, with a more specific {@code status}. */
	public Mono<Void> write(ServerWebExchange exchange, ProblemType problem, HttpStatusCode status, String detail) {

		var response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(new IllegalStateException("Response already committed; cannot answer " + problem));
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		var body = new Problem(problem.type(), problem.title(), status.value(), detail,
				exchange.getRequest().getPath().value());
		var bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private record Problem(URI type, String title, int status, String detail, String instance) {
	}
}
