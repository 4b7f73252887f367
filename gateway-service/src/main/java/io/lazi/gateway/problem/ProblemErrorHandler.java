package io.lazi.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.lazi.gateway.accesslog.RequestLogScope;
import reactor.core.publisher.Mono;

/**
 * Answers every error that escapes routing (no route, unreachable or slow service, bugs) with a
 * problem instead of Boot's default error JSON. Runs before Boot's handler (order -2).
 */
@Component
@Order(-2)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final ProblemResponses problems;

	private final RequestLogScope requestLog;

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {

		var problem = classify(ex);
		var path = exchange.getRequest().getPath().value();
		if (problem.status().is5xxServerError()) {
			try (var scope = requestLog.open(exchange)) {
				LOG.warn("{} {} failed with {}", exchange.getRequest().getMethod(), path, problem.status(), ex);
			}
		}
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		var status = problem == ProblemType.INVALID_REQUEST && ex instanceof ResponseStatusException rse ? rse.getStatusCode()
				: problem.status();
		return problems.write(exchange, problem, status, problem.errorDetail());
	}

	private static ProblemType classify(Throwable ex) {

		if (ex instanceof ResponseStatusException status) {
			var code = HttpStatus.resolve(status.getStatusCode().value());
			if (code == HttpStatus.NOT_FOUND) {
				return ProblemType.NOT_FOUND;
			}
			if (code == HttpStatus.CONTENT_TOO_LARGE) {
				return ProblemType.CONTENT_TOO_LARGE;
			}
			if (code == HttpStatus.GATEWAY_TIMEOUT) {
				return ProblemType.UPSTREAM_TIMEOUT;
			}
			if (code == HttpStatus.SERVICE_UNAVAILABLE || code == HttpStatus.BAD_GATEWAY) {
				return ProblemType.UPSTREAM_UNAVAILABLE;
			}
			if (code != null && code.is4xxClientError()) {
				return ProblemType.INVALID_REQUEST;
			}
		}
		if (ex instanceof TimeoutException) {
			return ProblemType.UPSTREAM_TIMEOUT;
		}
		if (ex instanceof ConnectException || ex.getCause() instanceof ConnectException) {
			return ProblemType.UPSTREAM_UNAVAILABLE;
		}
		return ProblemType.INTERNAL;
	}
}
