/**
 * Tracing and logging defaults shared by every Lazi service: W3C {@code traceparent} across HTTP and
 * Kafka through Micrometer Tracing and OpenTelemetry, OTLP export when an endpoint is configured,
 * structured JSON logs when {@code LAZI_LOG_FORMAT} asks for them, and the tenant of the work in the
 * logging MDC; the metrics defaults (the {@code application} tag on every series and latency histograms,
 * {@link io.lazi.platform.observability.LaziMetricsAutoConfiguration}), and
 * {@link io.lazi.platform.observability.AfterCommit} for counters of transactional work.
 */
@NullMarked
package io.lazi.platform.observability;

import org.jspecify.annotations.NullMarked;
