package io.lazi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.lazi.localstack.StackService;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace id followed across real processes, as an SRE follows it: a request that arrives at the gateway with
 * its own W3C {@code traceparent} saves a pricebook override; the same trace id is on the gateway's and
 * pricebook's spans, on the {@code pricebook.changed} record's {@code traceparent} header, on the spans of the
 * services that consume it, and in the JSON log lines of each hop, with the tenant.
 */
class TracingEndToEndIntegrationTests extends EndToEndTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration EXPORTED = Duration.ofSeconds(30);

	@Test // GH-13
	void followsOneTraceIdFromTheGatewayThroughPricebookAndKafkaIntoItsConsumers() {

		var admin = token(TENANT, "ADMIN");
		syncPricebookOnce(admin);
		var stId = gateway.get("/api/pricebook/categories?size=1", admin, TENANT).json().path("items").get(0).path("stId")
			.asLong();
		var traceId = HexFormat.of().formatHex(randomBytes(16));
		var saved = gateway.post("/api/pricebook/categories/" + stId + "/override", admin, TENANT, """
				{"name": "Traced %s"}""".formatted(traceId.substring(0, 8)), "00-" + traceId + "-" + HexFormat.of()
			.formatHex(randomBytes(8)) + "-01");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		// Nothing left pending for the other classes, which count what a push sends.
		var discarded = gateway.delete("/api/pricebook/categories/" + stId + "/override", admin, TENANT);
		assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);

		try (var consumer = new KafkaTestConsumer(Topics.PRICEBOOK_CHANGED)) {
			var record = consumer.await(r -> header(r.headers().lastHeader("traceparent")).contains(traceId), EXPORTED);
			assertThat(record).as("the pricebook.changed record continues the request's trace").isNotEmpty();
			assertThat(header(record.getFirst().headers().lastHeader("ce_subject"))).isEqualTo(Long.toString(stId));
		}
		// Each process exports its ended spans in batches, every few seconds.
		await().atMost(EXPORTED).untilAsserted(() -> assertThat(platform.traces().trace(traceId))
			.as("the spans of the request at the gateway, at pricebook, of its record, and of two consumers")
			.anyMatch(span("gateway-service", SpanKind.SPAN_KIND_SERVER))
			.anyMatch(span("pricebook-service", SpanKind.SPAN_KIND_SERVER))
			.anyMatch(span("pricebook-service", SpanKind.SPAN_KIND_PRODUCER))
			.anyMatch(span("notification-service", SpanKind.SPAN_KIND_CONSUMER))
			.anyMatch(span("image-service", SpanKind.SPAN_KIND_CONSUMER)));

		await().atMost(EXPORTED).untilAsserted(() -> {
			assertThat(logged(StackService.GATEWAY, traceId)).as("the gateway's access log")
				.anyMatch(line -> line.path("message").asString().startsWith("POST /api/pricebook/categories/" + stId));
			assertThat(logged(StackService.PRICEBOOK, traceId)).as("pricebook's log of the write")
				.anyMatch(line -> line.path("message").asString().contains("category.override-saved.v1"));
			assertThat(logged(StackService.NOTIFICATION, traceId)).as("the consumer's log of the event")
				.anyMatch(line -> line.path("message").asString().startsWith("Consumed io.lazi.pricebook.category.override-saved.v1"));
		});
		for (var service : List.of(StackService.GATEWAY, StackService.PRICEBOOK, StackService.NOTIFICATION)) {
			assertThat(logged(service, traceId)).as(service.module())
				.allSatisfy(line -> assertThat(line.path("tenantId").asString()).isEqualTo(TENANT))
				.allSatisfy(line -> assertThat(line.path("spanId").asString()).hasSize(16));
		}
	}

	private static Predicate<OtlpReceiver.ReceivedSpan> span(String service, SpanKind kind) {
		return span -> span.service().equals(service) && span.kind() == kind;
	}

	/** The JSON log lines of every instance of {@code service} that carry {@code traceId}. */
	private static List<JsonNode> logged(StackService service, String traceId) {

		return platform.logFiles(service).stream().flatMap(file -> {
			try {
				return Files.readAllLines(file).stream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).filter(line -> line.startsWith("{") && line.contains(traceId)).map(JSON::readTree)
			.filter(line -> traceId.equals(line.path("traceId").asString()))
			.toList();
	}

	private static String header(org.apache.kafka.common.header.Header header) {
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static byte[] randomBytes(int length) {

		var bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}
}
