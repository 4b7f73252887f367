/**
 * Tracing and logging defaults shared by every Lazi service: W3C {@code traceparent} across HTTP and
 * Kafka through Micrometer Tracing and OpenTelemetry, OTLP export when an endpoint is configured,
 * structured JSON logs when {@code LAZI_LOG_FORMAT} asks for them, and the tenant of the work in the
 * logging MDC.
 */
@NullMarked
package io.lazi.platform.observability;

import org.jspecify.annotations.NullMarked;
