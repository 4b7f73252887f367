package io.lazi.gateway.accesslog;

import lombok.RequiredArgsConstructor;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.lazi.platform.observability.TenantLogContext;
import io.lazi.platform.security.reactive.ReactiveTenantAccessFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Puts a request's trace (its server span) and tenant (as the tenant check granted it) into the logging
 * context for the lines logged about it. The gateway does not restore them around every reactive operator
 * ({@code spring.reactor.context-propagation: limited}, for its CPU), so each line about a request opens this.
 */
@Component
@RequiredArgsConstructor
public class RequestLogScope {

	private final Tracer tracer;

	/** An open scope; closing it restores the logging context as it was. */
	public interface Scope extends AutoCloseable {

		@Override
		void close();
	}

	/** Opens the scope of {@code exchange}'s trace and tenant; close it after logging. */
	public Scope open(ServerWebExchange exchange) {

		var span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.orElse(null);
		String tenant = exchange.getAttribute(ReactiveTenantAccessFilter.TENANT_ATTRIBUTE);
		var inSpan = tracer.withSpan(span);
		var inTenant = TenantLogContext.open(tenant);
		return () -> {
			inTenant.close();
			inSpan.close();
		};
	}
}
