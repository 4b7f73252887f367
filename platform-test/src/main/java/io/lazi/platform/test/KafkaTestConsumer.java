package io.lazi.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer on the shared broker that reads a topic's committed records from the beginning,
 * for tests that check what a service published. Not thread-safe; close it.
 */
public final class KafkaTestConsumer implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	public KafkaTestConsumer(String topic) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				// What every Lazi consumer and other team sees: records of committed transactions only.
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
	}

	/** Polls until a record matching {@code match} arrived or {@code timeout} passed; returns all matching so far. */
	public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {

		var deadline = System.nanoTime() + timeout.toNanos();
		while (seen.stream().noneMatch(match) && System.nanoTime() < deadline) {
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		}
		return seen.stream().filter(match).toList();
	}

	/** Everything read so far. */
	public List<ConsumerRecord<String, byte[]>> records() {
		return List.copyOf(seen);
	}

	/** Reads whatever arrives within {@code period}. */
	public List<ConsumerRecord<String, byte[]>> drain(Duration period) {

		var deadline = System.nanoTime() + period.toNanos();
		while (System.nanoTime() < deadline) {
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		}
		return records();
	}

	@Override
	public void close() {
		consumer.close();
	}
}
