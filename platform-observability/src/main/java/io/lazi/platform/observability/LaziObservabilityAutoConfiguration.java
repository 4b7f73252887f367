package io.lazi.platform.observability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * {@link TraceParents} on the application's tracer, the tenant's MDC entry carried by Reactor's context
 * propagation ({@link TenantLogContext}), and no observation (no span, no {@code http.server.requests}
 * series) of the actuator's requests: probes and scrapes every few seconds would each be a trace. Tracing
 * itself (tracer, W3C propagation, sampling, OTLP export) is Spring Boot's, with the defaults of
 * {@link ObservabilityDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
public class LaziObservabilityAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "jakarta.servlet.http.HttpServletRequest",
			"org.springframework.http.server.observation.ServerRequestObservationContext" })
	static class ServletActuator {

		@Bean
		ObservationPredicate laziUnobservedServletActuator() {
			return (name, context) -> !(context instanceof ServerRequestObservationContext server
					&& isActuator(server.getCarrier().getRequestURI()));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.http.server.reactive.observation.ServerRequestObservationContext")
	static class ReactiveActuator {

		@Bean
		ObservationPredicate laziUnobservedReactiveActuator() {
			return (name, context) -> !(context instanceof org.springframework.http.server.reactive.observation.ServerRequestObservationContext server
					&& isActuator(server.getCarrier().getPath().pathWithinApplication().value()));
		}
	}

	LaziObservabilityAutoConfiguration() {
		TenantLogContext.registerWithContextPropagation();
	}

	/** The actuator's base path, on the management port: {@code /actuator}. */
	static final String ACTUATOR = "/actuator";

	/** Whether {@code path} is the actuator's. */
	public static boolean isActuator(String path) {
		return path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
	}

	@Bean
	TraceParents laziTraceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceParents(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}
}
