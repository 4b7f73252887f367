package io.lazi.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Trace context stored now and resumed later, on Spring Boot's OpenTelemetry tracer: the work resumed
 * {@link TraceParents#within within} a stored {@code traceparent} starts its spans in that trace, as
 * children of the span that stored it; and without {@code LAZI_OTLP_TRACING_ENDPOINT} nothing exports.
 */
@SpringBootTest(classes = TraceParentsIntegrationTests.TracedApplication.class)
class TraceParentsIntegrationTests {

	@Autowired
	Tracer tracer;

	@Autowired
	TraceParents traceParents;

	@Autowired
	ApplicationContext context;

	@Test // GH-13
	void resumesTheStoredTraceSoThatLaterSpansAreChildrenOfTheSpanThatStoredIt() {

		var writer = tracer.nextSpan().name("write").start();
		String stored;
		try (var inSpan = tracer.withSpan(writer)) {
			stored = traceParents.current();
		}
		finally {
			writer.end();
		}
		assertThat(stored).isEqualTo("00-" + writer.context().traceId() + "-" + writer.context().spanId() + "-01");
		assertThat(tracer.currentSpan()).as("nothing current after the write").isNull();

		var later = new AtomicReference<Span>();
		traceParents.within(stored, () -> {
			var send = tracer.nextSpan().name("send").start();
			later.set(send);
			send.end();
			return null;
		});

		assertThat(later.get().context().traceId()).isEqualTo(writer.context().traceId());
		assertThat(later.get().context().parentId()).isEqualTo(writer.context().spanId());
		assertThat(tracer.currentSpan()).as("the stored context is current only within").isNull();
	}

	@Test // GH-13
	void runsWorkWithoutAValidTraceparentInANewTrace() {

		var started = new AtomicReference<Span>();
		for (var invalid : new String[] { null, "", "garbage", "00-00000000000000000000000000000000-0000000000000001-01" }) {
			traceParents.within(invalid, () -> {
				started.set(tracer.nextSpan().name("send").start());
				started.get().end();
				return null;
			});
			assertThat(started.get().context().parentId()).as(String.valueOf(invalid)).isNull();
		}
		assertThat(traceParents.current()).isNull();
	}

	@Test // GH-13
	void exportsNothingWithoutAnEndpoint() {
		assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
	}

	@SpringBootApplication
	static class TracedApplication {
	}
}
