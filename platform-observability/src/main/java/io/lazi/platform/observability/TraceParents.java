package io.lazi.platform.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C trace context ({@code traceparent}, {@code 00-<trace id>-<span id>-<flags>}) of work that is
 * stored now and resumed later, e.g. an outbox row written in a request and published by the relay: read
 * it from the current span with {@link #current()}, store it, and run the later work {@link #within} it, so
 * that every span the later work starts (a Kafka send, an HTTP call) is a child of the span that stored it
 * and continues its trace. With tracing off (no tracer), {@link #current()} is null and {@link #within}
 * just runs the work. Thread-safe.
 */
public final class TraceParents {

	/** The W3C header and carrier key: {@code traceparent}. */
	public static final String HEADER = "traceparent";

	/** Version 00: trace id (32 hex, not all zero), parent span id (16 hex, not all zero), flags (2 hex). */
	private static final Pattern VERSION_00 = Pattern.compile("00-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-([0-9a-f]{2})");

	private final Tracer tracer;

	private final Propagator propagator;

	/**
	 * @param tracer the application's tracer ({@link Tracer#NOOP} when tracing is off)
	 * @param propagator the application's propagator, which writes {@value #HEADER} ({@link Propagator#NOOP}
	 *        when tracing is off)
	 */
	public TraceParents(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The {@value #HEADER} of the span current on this thread; null when there is none. */
	public @Nullable String current() {

		var span = tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(HEADER);
	}

	/**
	 * Runs {@code work} with {@code traceparent} as the current trace context: the spans it starts are
	 * children of that span, in its trace, sampled as its flags say. Without a valid version-00
	 * {@code traceparent} the work runs in whatever context is current.
	 */
	public <T> T within(@Nullable String traceparent, Supplier<T> work) {

		var parsed = traceparent == null ? null : VERSION_00.matcher(traceparent);
		if (parsed == null || !parsed.matches()) {
			return work.get();
		}
		var context = tracer.traceContextBuilder()
			.traceId(parsed.group(1))
			.spanId(parsed.group(2))
			.sampled((Integer.parseInt(parsed.group(3), 16) & 1) == 1)
			.build();
		try (var scope = tracer.currentTraceContext().newScope(context)) {
			return work.get();
		}
	}
}
