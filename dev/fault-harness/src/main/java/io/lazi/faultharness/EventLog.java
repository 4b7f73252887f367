package io.lazi.faultharness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The harness's own Kafka client: reads whole topics back at the end of a run (every record, with its
 * headers, from the start to the end offsets) and writes the poison records whose only allowed place is
 * the dead-letter topic. Connects as the stack's operator on its own broker, anonymously on the test
 * harness's.
 */
final class EventLog {

	/** One record as read back. */
	record Event(String topic, int partition, long offset, String key, Map<String, String> headers, String value,
			long timestamp) {

		String header(String name) {
			return headers.get(name);
		}
	}

	/** A poison record as written: where it landed. */
	record Poison(String topic, int partition, long offset, String key) {
	}

	private final String bootstrapServers;

	private final Map<String, Object> clientProperties;

	EventLog(String bootstrapServers, Map<String, ?> clientProperties) {

		this.bootstrapServers = bootstrapServers;
		this.clientProperties = Map.copyOf(clientProperties);
	}

	/** Every record of {@code topic} now, partition by partition in offset order; empty when it does not exist. */
	List<Event> read(String topic) {

		var properties = new Properties();
		properties.putAll(clientProperties);
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "lazi-fault-harness-" + UUID.randomUUID());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (var consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
			if (partitions == null || partitions.isEmpty()) {
				return List.of();
			}
			var assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			var end = consumer.endOffsets(assigned);
			var events = new ArrayList<Event>();
			var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
				for (var record : consumer.poll(Duration.ofMillis(500))) {
					var headers = new HashMap<String, String>();
					record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null : header(h.key(), h.value())));
					events.add(new Event(record.topic(), record.partition(), record.offset(),
							record.key() == null ? null : text(record.key()), headers,
							record.value() == null ? null : text(record.value()), record.timestamp()));
				}
			}
			return events;
		}
		catch (org.apache.kafka.common.errors.TimeoutException ex) {
			return List.of();
		}
	}

	/** Writes one record that no consumer can parse, keyed as the topic's records are. */
	Poison poison(String topic, String key) {

		var properties = new Properties();
		properties.putAll(clientProperties);
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
			var record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
					"{poison from the fault harness".getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_id", ("poison-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_type", "io.lazi.fault-harness.poison.v1".getBytes(StandardCharsets.UTF_8));
			var metadata = producer.send(record).get();
			return new Poison(topic, metadata.partition(), metadata.offset(), key);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not write a poison record to " + topic + ": " + ex, ex);
		}
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * A header value as text; spring-kafka's numeric dead-letter headers ({@code kafka_dlt-original-partition},
	 * {@code -offset}, {@code -timestamp}) are big-endian ints and longs, shown as their decimal value.
	 */
	private static String header(String key, byte[] bytes) {

		if (key.startsWith("kafka_dlt-original-") && !key.endsWith("-topic") && !key.endsWith("-group")
				&& (bytes.length == 4 || bytes.length == 8)) {
			var buffer = java.nio.ByteBuffer.wrap(bytes);
			return String.valueOf(bytes.length == 4 ? buffer.getInt() : buffer.getLong());
		}
		return text(bytes);
	}
}
