package io.lazi.platform.kafka;

import static io.lazi.platform.kafka.OutboxIntegrationTests.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * One trace from the write to the consumer, against a real PostgreSQL and a real Kafka broker: the outbox
 * row keeps the {@code traceparent} of the span that appended it, the relayed record's {@code traceparent}
 * header continues that trace, the listener runs in it with the record's tenant in the MDC; a record that
 * keeps failing reaches its {@code -dlt} topic still in its trace, is logged in it, and is counted.
 */
@SpringBootTest(classes = KafkaTestApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class OutboxTracingIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tracer tracer;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	KafkaTestApplication listeners;

	@Autowired
	MeterRegistry meters;

	@Test // GH-13
	void carriesTheTraceOfTheWriteThroughTheOutboxAndKafkaIntoTheListener(CapturedOutput output) throws Exception {

		// A tenant (and key) of this run alone: the broker may outlive the JVM (KAFKA_BOOTSTRAP_SERVERS).
		var tenant = "71" + (System.nanoTime() % 100_000_000);
		var request = tracer.nextSpan().name("request").start();
		String stored;
		try (var inRequest = tracer.withSpan(request)) {
			stored = tx.execute(status -> {
				var id = outbox.append(new OutgoingEvent(KafkaTestApplication.TRACED_TOPIC, tenant,
						Events.PRICEBOOK_CATEGORIES_SYNCED.name(), "run", tenant,
						new CategoriesSynced(tenant, UUID.randomUUID(), 1, 1, 0, 0)));
				// Read before commit: the relay sees (and deletes) the row only once it has committed.
				return jdbc.sql("select traceparent from outbox_event where id = ?").param(id).query(String.class).single();
			});
		}
		finally {
			request.end();
		}
		assertThat(stored).as("the row keeps the writer's span").isEqualTo(traceparent(request));

		try (var consumer = new KafkaTestConsumer(KafkaTestApplication.TRACED_TOPIC)) {
			var record = consumer.await(r -> tenant.equals(r.key()), TIMEOUT).getFirst();
			var sent = header(record, "traceparent");
			assertThat(sent).as("the record continues the write's trace from a span of its own")
				.startsWith("00-" + request.context().traceId() + "-")
				.isNotEqualTo(stored);
		}
		var seen = listeners.seen.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		while (seen != null && !tenant.equals(seen.key())) {
			seen = listeners.seen.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		assertThat(seen).as("the listener got the record").isNotNull();
		assertThat(seen.traceId()).as("the listener runs in the write's trace").isEqualTo(request.context().traceId());
		assertThat(seen.tenantId()).as("with the record's tenant in the MDC").isEqualTo(tenant);
		assertThat(output.getOut()).as("the write and the consumer each leave a line with the trace id")
			.containsPattern("\\[" + request.context().traceId() + ",\\w+," + tenant + "\\] .*Recorded "
					+ Events.PRICEBOOK_CATEGORIES_SYNCED.name())
			.containsPattern("\\[" + request.context().traceId() + ",\\w+," + tenant + "\\] .*Consumed "
					+ Events.PRICEBOOK_CATEGORIES_SYNCED.name());
	}

	@Test // GH-13
	void keepsADeadLetteredRecordInItsTraceAndCountsIt(CapturedOutput output) throws Exception {

		assertThat(meters.find(LaziKafkaAutoConfiguration.DEAD_LETTERS).tag("topic", KafkaTestApplication.TRACED_TOPIC)
			.counter()).as("every listened topic's counter exists from the start").isNotNull()
			.satisfies(counter -> assertThat(counter.count()).isZero());
		var key = "poison-" + UUID.randomUUID();
		var tenant = "7100000002";
		var before = deadLetters();
		var request = tracer.nextSpan().name("request").start();
		try (var inRequest = tracer.withSpan(request)) {
			var record = new ProducerRecord<String, byte[]>(KafkaTestApplication.POISON_TOPIC, key,
					"not json".getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_tenantid", tenant.getBytes(StandardCharsets.UTF_8));
			kafka.send(record).get(30, TimeUnit.SECONDS);
		}
		finally {
			request.end();
		}

		try (var consumer = new KafkaTestConsumer(Topics.deadLetter(KafkaTestApplication.POISON_TOPIC))) {
			var dead = consumer.await(r -> key.equals(r.key()), TIMEOUT).getFirst();
			assertThat(header(dead, "traceparent")).startsWith("00-" + request.context().traceId() + "-");
		}
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deadLetters() - before).isEqualTo(1.0));
		assertThat(output.getOut()).as("the error handler logs in the record's trace and tenant")
			.containsPattern("\\[" + request.context().traceId() + ",\\w+," + tenant + "\\] .*Giving up on "
					+ KafkaTestApplication.POISON_TOPIC);
	}

	private double deadLetters() {

		var counter = meters.find(LaziKafkaAutoConfiguration.DEAD_LETTERS)
			.tag("topic", KafkaTestApplication.POISON_TOPIC)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	private static String traceparent(Span span) {
		return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
	}
}
