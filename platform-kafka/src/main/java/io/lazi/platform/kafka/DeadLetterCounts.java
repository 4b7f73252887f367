package io.lazi.platform.kafka;

import java.util.Arrays;
import java.util.Objects;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@value #NAME} counter (Prometheus {@code lazi_kafka_dlt_records_total}), tag {@code topic}: the source
 * topic of each record published to its {@code -dlt} topic. {@link #registerListenedTopics} starts it at 0 for
 * every topic a listener of this service reads, so that a rate or an alert sees the series before the first dead
 * letter. Without a meter registry it counts nothing. Thread-safe.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class DeadLetterCounts {

	static final String NAME = "lazi.kafka.dlt.records";

	private final ObjectProvider<MeterRegistry> meters;

	/** Counts one record of {@code topic} published to {@code topic-dlt}. */
	void published(String topic) {
		meters.ifAvailable(registry -> counter(registry, topic).increment());
	}

	/** Registers the counter of every topic the registry's listener containers read. */
	void registerListenedTopics(KafkaListenerEndpointRegistry listeners) {

		meters.ifAvailable(registry -> listeners.getListenerContainers()
			.stream()
			.map(container -> container.getContainerProperties().getTopics())
			.filter(Objects::nonNull)
			.flatMap(Arrays::stream)
			.distinct()
			.forEach(topic -> counter(registry, topic)));
	}

	private static Counter counter(MeterRegistry registry, String topic) {
		return Counter.builder(NAME)
			.description("Records that failed every delivery attempt and were published to <topic>-dlt")
			.tag("topic", topic)
			.register(registry);
	}
}
