package io.lazi.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A stand-in OpenTelemetry collector: an OTLP/HTTP endpoint ({@code POST /v1/traces}, protobuf, as the services'
 * exporters send it) on a free loopback port that keeps every span it is sent, with the {@code service.name} of the
 * process that sent it. Thread-safe.
 */
final class OtlpReceiver implements AutoCloseable {

	/** One span as received: ids in lowercase hex, the parent's empty for a root. */
	record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind) {
	}

	private static final HexFormat HEX = HexFormat.of();

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private OtlpReceiver(HttpServer server) {
		this.server = server;
	}

	/** Starts listening on a free port of {@code 127.0.0.1}. */
	static OtlpReceiver start() throws IOException {

		var receiver = new OtlpReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
		receiver.server.createContext("/v1/traces", receiver::receive);
		receiver.server.start();
		return receiver;
	}

	/** The URL to export traces to ({@code LAZI_OTLP_TRACING_ENDPOINT}). */
	String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
	}

	/** The spans of {@code traceId} received so far. */
	List<ReceivedSpan> trace(String traceId) {
		return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
	}

	private void receive(HttpExchange exchange) throws IOException {

		try (exchange; InputStream body = gzipped(exchange) ? new GZIPInputStream(exchange.getRequestBody())
				: exchange.getRequestBody()) {
			var request = ExportTraceServiceRequest.parseFrom(body);
			for (var resource : request.getResourceSpansList()) {
				var service = resource.getResource()
					.getAttributesList()
					.stream()
					.filter(attribute -> attribute.getKey().equals("service.name"))
					.map(attribute -> attribute.getValue().getStringValue())
					.findFirst()
					.orElse("");
				resource.getScopeSpansList()
					.forEach(scope -> scope.getSpansList()
						.forEach(span -> spans.add(new ReceivedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
								HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
								span.getName(), span.getKind()))));
			}
			var answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	private static boolean gzipped(HttpExchange exchange) {
		return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
