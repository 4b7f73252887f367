package io.lazi.platform.observability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * {@link TraceParents} on the application's tracer, and the tenant's MDC entry carried by Reactor's context
 * propagation ({@link TenantLogContext}). Tracing itself (tracer, W3C propagation, sampling, OTLP export)
 * is Spring Boot's, with the defaults of {@link ObservabilityDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
public class LaziObservabilityAutoConfiguration {

	LaziObservabilityAutoConfiguration() {
		TenantLogContext.registerWithContextPropagation();
	}

	@Bean
	TraceParents laziTraceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceParents(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}
}
