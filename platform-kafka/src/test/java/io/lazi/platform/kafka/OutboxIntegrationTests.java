package io.lazi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;

/**
 * The outbox against a real PostgreSQL and a real Kafka broker: what commits is published in order
 * as binary-mode CloudEvents, what rolls back is not, re-delivery is recognised, and a record that
 * keeps failing lands on its {@code -dlt} topic instead of blocking or vanishing.
 */
@SpringBootTest(classes = KafkaTestApplication.class)
class OutboxIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	ConsumedMessages consumedMessages;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	CloudEventCodec codec;

	@Test
	void publishesCommittedEventsInOrderAsCloudEvents() {

		var tenant = "7000000001";
		var run = UUID.randomUUID();
		var events = new ArrayList<OutgoingEvent>();
		for (int i = 0; i < 5; i++) {
			events.add(OutgoingEvent.of(Events.PRICEBOOK_CATEGORIES_SYNCED, run.toString(),
					new CategoriesSynced(tenant, run, i, i, 0, 0)));
		}
		tx.executeWithoutResult(status -> outbox.appendAll(events));

		try (var consumer = new KafkaTestConsumer(Topics.SYNC_EVENTS)) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> keyed(consumer.drain(Duration.ofMillis(300)), tenant).size() >= 5);
			var mine = keyed(consumer.records(), tenant);

			assertThat(mine).hasSize(5);
			assertThat(mine).extracting(r -> Events.PRICEBOOK_CATEGORIES_SYNCED.cast(codec.decode(r).payload()).count())
				.containsExactly(0, 1, 2, 3, 4);
			var first = codec.read(mine.getFirst());
			assertThat(first.type()).isEqualTo(Events.PRICEBOOK_CATEGORIES_SYNCED.name());
			assertThat(first.tenantId()).isEqualTo(tenant);
			assertThat(first.source()).isEqualTo("/lazi/pricebook-service");
			assertThat(first.subject()).isEqualTo(run.toString());
			assertThat(header(mine.getFirst(), "ce_specversion")).isEqualTo("1.0");
			assertThat(header(mine.getFirst(), "ce_tenantid")).isEqualTo(tenant);
		}
		assertThat(jdbc.sql("select count(*) from outbox_event where tenant_id = ?").param(tenant).query(Long.class).single())
			.isZero();
	}

	@Test
	void publishesNothingWhenTheTransactionRollsBack() {

		var tenant = "7000000002";
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> tx.executeWithoutResult(status -> {
			outbox.append(OutgoingEvent.of(Events.PRICEBOOK_CATEGORIES_SYNCED, "x",
					new CategoriesSynced(tenant, UUID.randomUUID(), 1, 1, 0, 0)));
			throw new IllegalStateException("business failure after the event was appended");
		}));

		try (var consumer = new KafkaTestConsumer(Topics.SYNC_EVENTS)) {
			assertThat(consumer.drain(Duration.ofSeconds(2))).noneMatch(r -> tenant.equals(r.key()));
		}
	}

	@Test
	void recognisesARedeliveredEvent() {

		var tenant = "7000000003";
		var incoming = new IncomingEvent(UUID.randomUUID().toString(), Events.PRICEBOOK_CATEGORIES_SYNCED.name(),
				"/lazi/platform-kafka-test", null, tenant, null, new byte[0]);
		var event = new ReceivedEvent<>(incoming, Events.PRICEBOOK_CATEGORIES_SYNCED,
				new CategoriesSynced(tenant, UUID.randomUUID(), 1, 1, 0, 0));

		Boolean first = tx.execute(status -> consumedMessages.accept(event, "test"));
		Boolean again = tx.execute(status -> consumedMessages.accept(event, "test"));

		assertThat(first).isTrue();
		assertThat(again).isFalse();
	}

	@Test
	void sendsARecordThatKeepsFailingToItsDeadLetterTopic() {

		var key = "poison-" + UUID.randomUUID();
		kafka.send(KafkaTestApplication.POISON_TOPIC, key, "not json at all".getBytes(StandardCharsets.UTF_8));

		try (var consumer = new KafkaTestConsumer(Topics.deadLetter(KafkaTestApplication.POISON_TOPIC))) {
			var dead = consumer.await(r -> key.equals(r.key()), Duration.ofSeconds(30));

			assertThat(dead).hasSize(1);
			assertThat(header(dead.getFirst(), "kafka_dlt-original-topic")).isEqualTo(KafkaTestApplication.POISON_TOPIC);
			assertThat(header(dead.getFirst(), "kafka_dlt-exception-fqcn")).isNotBlank();
		}
	}

	private static List<ConsumerRecord<String, byte[]>> keyed(List<ConsumerRecord<String, byte[]>> records, String key) {
		return records.stream().filter(r -> key.equals(r.key())).toList();
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}
}
