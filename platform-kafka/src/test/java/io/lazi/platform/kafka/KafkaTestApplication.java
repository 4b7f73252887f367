package io.lazi.platform.kafka;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

import io.lazi.platform.events.Topics;
import io.lazi.platform.observability.TenantLogContext;
import io.micrometer.tracing.Tracer;

/**
 * The application of the Spring-context tests of this module: the platform's auto-configuration, a
 * listener that always fails ({@value #POISON_TOPIC}), and one that notes the trace and tenant it runs
 * in ({@value #TRACED_TOPIC}).
 */
@SpringBootApplication
@RequiredArgsConstructor
class KafkaTestApplication {

	static final String POISON_TOPIC = "platform.kafka.poison";

	static final String TRACED_TOPIC = "platform.kafka.traced";

	/** What the traced listener saw while it ran: its record's key, the current trace and the MDC's tenant. */
	record Seen(String key, @Nullable String traceId, @Nullable String tenantId) {
	}

	final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

	private final Tracer tracer;

	@KafkaListener(id = "poison-listener", topics = POISON_TOPIC)
	void consume(ConsumerRecord<String, byte[]> record) {
		throw new IllegalStateException("cannot process " + record.key());
	}

	@KafkaListener(id = "traced-listener", topics = TRACED_TOPIC)
	void trace(ConsumerRecord<String, byte[]> record) {

		var span = tracer.currentSpan();
		seen.add(new Seen(record.key(), span == null ? null : span.context().traceId(), MDC.get(TenantLogContext.KEY)));
	}

	@Bean
	NewTopic poisonTopic() {
		return new NewTopic(POISON_TOPIC, 1, (short) 1);
	}

	@Bean
	NewTopic poisonDeadLetterTopic() {
		return new NewTopic(Topics.deadLetter(POISON_TOPIC), 1, (short) 1);
	}

	@Bean
	NewTopic tracedTopic() {
		return new NewTopic(TRACED_TOPIC, 1, (short) 1);
	}
}
