package io.lazi.image.serving.kafka;

import java.time.Duration;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.lazi.image.serving.PricebookImages;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;

/**
 * Keeps this instance's memory cache in step with {@code pricebook.changed}. Every instance holds its own
 * memory, so every instance reads every record, in a consumer group of its own
 * ({@code lazi.image.cache.eviction-group}, {@code image-service-cache-<uuid>}), and hands each
 * {@link NodeChanges node change} to {@link PricebookImages#announced}; the database work is done once, in
 * the shared group, by {@link PricebookChangedListener}.
 * <p>
 * Nothing here fails a record: one that cannot be read or applied is logged and skipped (the shared group
 * dead-letters it), so that no record holds up the partition and this group writes no {@code -dlt}. On
 * partition assignment (start-up) the memory cache is dropped, since what was loaded before may have
 * changed meanwhile, and the last {@link #REPLAY} of the topic is read again: a change published just
 * before may not be in the database yet, and must be known here when it lands there.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CacheEvictionListener implements ConsumerSeekAware {

	/** The listener id (its container in the endpoint registry, {@code spring.kafka.listener.id} in metrics). */
	static final String ID = "image-cache-evictions";

	/** How far back the topic is read on assignment; the database is usually seconds behind at most. */
	static final Duration REPLAY = Duration.ofMinutes(1);

	private static final Logger LOG = LoggerFactory.getLogger(CacheEvictionListener.class);

	private final CloudEventCodec codec;

	private final PricebookImages images;

	@KafkaListener(id = ID, topics = Topics.PRICEBOOK_CHANGED, groupId = "${lazi.image.cache.eviction-group}",
			properties = "auto.offset.reset=latest")
	void onRecord(ConsumerRecord<String, byte[]> record) {

		try {
			NodeChanges.of(codec.decodeIfKnown(record)).ifPresent(images::announced);
		}
		catch (RuntimeException ex) {
			LOG.warn("Memory cache skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.toString());
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {

		images.dropAll();
		callback.seekToTimestamp(assignments.keySet(), System.currentTimeMillis() - REPLAY.toMillis());
	}
}
