package io.lazi.platform.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.PropertySource;

/**
 * Adds {@code metrics-defaults.properties} (the {@code application} tag on every series, latency histograms
 * for {@code http.server.requests}, {@code http.client.requests} and {@code spring.kafka.listener}) as the
 * lowest-precedence property source. Binding Micrometer's settings happens after configuration classes are
 * parsed, so a {@code @PropertySource} is early enough, and the service's {@code application.yml} or
 * environment still overrides every value.
 */
@AutoConfiguration
@PropertySource("classpath:io/lazi/platform/observability/metrics-defaults.properties")
public class LaziMetricsAutoConfiguration {
}
