package io.lazi.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an SRE's log pipeline reads: with {@code LAZI_LOG_FORMAT=ecs} every console line is one ECS JSON
 * object, and a line logged inside a span for a tenant carries that span's {@code traceId} and
 * {@code spanId} and the {@code tenantId}; without it the lines stay text.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test // GH-13
	void writesEcsJsonLinesWithTheTraceSpanAndTenantOfTheWork(CapturedOutput output) {

		try (var context = application("LAZI_LOG_FORMAT=ecs").run()) {
			var span = logInSpan(context.getBean(Tracer.class), "3222348440", "applied the change");

			var line = jsonLines(output).stream()
				.filter(json -> "applied the change".equals(json.path("message").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(line.path("traceId").asString()).isEqualTo(span.context().traceId());
			assertThat(line.path("spanId").asString()).isEqualTo(span.context().spanId());
			assertThat(line.path("tenantId").asString()).isEqualTo("3222348440");
			assertThat(line.path("service").path("name").asString()).isEqualTo("logs-test");
		}
	}

	@Test // GH-13
	void keepsTextLinesWithTheTraceInTheirCorrelationByDefault(CapturedOutput output) {

		try (var context = application().run()) {
			var tracer = context.getBean(Tracer.class);
			var span = tracer.nextSpan().name("work").start();
			try (var inSpan = tracer.withSpan(span); var tenant = TenantLogContext.open("1000000002")) {
				LoggerFactory.getLogger(StructuredLogsIntegrationTests.class).info("applied the text change");
			}
			finally {
				span.end();
			}

			LoggerFactory.getLogger(StructuredLogsIntegrationTests.class).info("outside any trace");

			var line = output.getOut().lines().filter(l -> l.contains("applied the text change")).findFirst().orElseThrow();
			assertThat(line).doesNotStartWith("{")
				.contains("[" + span.context().traceId() + "," + span.context().spanId() + ",1000000002]");
			var outside = output.getOut().lines().filter(l -> l.contains("outside any trace")).findFirst().orElseThrow();
			assertThat(outside).as("no empty correlation").doesNotContain("[,,]");
		}
	}

	/** Logs {@code message} inside a new span, for {@code tenant}; returns the (ended) span. */
	private static Span logInSpan(Tracer tracer, String tenant, String message) {

		var span = tracer.nextSpan().name("work").start();
		try (var inSpan = tracer.withSpan(span); var inTenant = TenantLogContext.open(tenant)) {
			LoggerFactory.getLogger(StructuredLogsIntegrationTests.class).info(message);
		}
		finally {
			span.end();
		}
		return span;
	}

	private static SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(LogsTestApplication.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=logs-test")
			.properties(properties);
	}

	private static java.util.List<JsonNode> jsonLines(CapturedOutput output) {
		return output.getOut().lines().filter(l -> l.startsWith("{")).map(JSON::readTree).toList();
	}

	@SpringBootApplication
	static class LogsTestApplication {
	}
}
