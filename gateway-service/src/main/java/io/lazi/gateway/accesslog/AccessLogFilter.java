package io.lazi.gateway.accesslog;

import java.util.concurrent.TimeUnit;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.lazi.platform.observability.LaziObservabilityAutoConfiguration;
import reactor.core.publisher.Mono;

/**
 * Logs one INFO line per request when its response is committed (so also for refusals by the security
 * chain, the rate limit and the error handler): method, path without the query, status and the time to
 * the response's head in milliseconds, with the same values as structured key-values
 * ({@code http.method}, {@code url.path}, {@code http.status}, {@code duration.ms}), in the request's trace
 * (the server span, which continues a caller's {@code traceparent}) and tenant (as the tenant check
 * granted it). Runs first, around every other filter. The actuator's probes and scrapes (management
 * port) are left out, as they are of tracing.
 */
@Component
@RequiredArgsConstructor
class AccessLogFilter implements WebFilter, Ordered {

	private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);

	private final RequestLogScope requestLog;

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		if (!LaziObservabilityAutoConfiguration.isActuator(exchange.getRequest().getPath().pathWithinApplication().value())) {
			var started = System.nanoTime();
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> log(exchange, started)));
		}
		return chain.filter(exchange);
	}

	private void log(ServerWebExchange exchange, long started) {

		var request = exchange.getRequest();
		var status = exchange.getResponse().getStatusCode();
		var millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		try (var scope = requestLog.open(exchange)) {
			LOG.atInfo()
				.addKeyValue("http.method", request.getMethod().name())
				.addKeyValue("url.path", request.getPath().value())
				.addKeyValue("http.status", status == null ? 0 : status.value())
				.addKeyValue("duration.ms", millis)
				.log("{} {} {} {} ms", request.getMethod().name(), request.getPath().value(),
						status == null ? "-" : status.value(), millis);
		}
	}
}
