package io.lazi.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the tracing and logging defaults as the lowest-precedence property sources, before logging is
 * initialised and before auto-configuration conditions run:
 * <ul>
 * <li>{@code observability-defaults.properties}: sampling ({@value #SAMPLING}, default 1.0) and the
 * correlation part of text log lines;</li>
 * <li>{@value #OTLP_ENDPOINT}, when set and not blank, as Spring Boot's
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} (OTLP over HTTP, e.g.
 * {@code http://collector:4318/v1/traces}); unset, no span exporter exists and nothing is sent;</li>
 * <li>{@value #LOG_FORMAT}, when set to a format other than {@code text}, as
 * {@code logging.structured.format.console}: {@code ecs}, {@code logstash} or {@code gelf} JSON lines on
 * the console instead of text;</li>
 * <li>in reactive applications, {@code spring.reactor.context-propagation=auto}, so the trace and the
 * tenant of a request follow it across the threads its work hops to.</li>
 * </ul>
 * Each is only a default: the same Spring Boot property set anywhere else wins.
 */
class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The OTLP/HTTP traces endpoint; no export when unset. */
	static final String OTLP_ENDPOINT = "LAZI_OTLP_TRACING_ENDPOINT";

	/** The structured log format of the console: {@code ecs}, {@code logstash}, {@code gelf}, or {@code text}. */
	static final String LOG_FORMAT = "LAZI_LOG_FORMAT";

	/** The share of traces recorded and exported, 0.0 to 1.0. */
	static final String SAMPLING = "LAZI_TRACING_SAMPLING_PROBABILITY";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {

		var derived = new LinkedHashMap<String, Object>();
		var endpoint = environment.getProperty(OTLP_ENDPOINT, "").strip();
		if (!endpoint.isEmpty()) {
			derived.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint);
		}
		var format = environment.getProperty(LOG_FORMAT, "").strip().toLowerCase(Locale.ROOT);
		if (!format.isEmpty() && !format.equals("text")) {
			derived.put("logging.structured.format.console", format);
		}
		if (application.getWebApplicationType() == WebApplicationType.REACTIVE) {
			derived.put("spring.reactor.context-propagation", "auto");
		}
		var sources = environment.getPropertySources();
		sources.addLast(new MapPropertySource("laziObservability", derived));
		try {
			sources.addLast(new ResourcePropertySource("laziObservabilityDefaults",
					new ClassPathResource("io/lazi/platform/observability/observability-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
