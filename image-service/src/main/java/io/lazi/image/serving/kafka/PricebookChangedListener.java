package io.lazi.image.serving.kafka;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.image.serving.NodeImageUpdates;
import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;

/**
 * Reads {@code pricebook.changed} and hands each category event to {@link NodeImageUpdates}; other
 * event types on the topic are skipped. Failures propagate to the platform error handler (bounded
 * retries, then {@code pricebook.changed-dlt}).
 */
@Component
class PricebookChangedListener {

	private static final Logger LOG = LoggerFactory.getLogger(PricebookChangedListener.class);

	private static final Set<String> CATEGORY_TYPES = Set.of(EventTypes.PRICEBOOK_CATEGORY_CREATED,
			EventTypes.PRICEBOOK_CATEGORY_UPDATED, EventTypes.PRICEBOOK_CATEGORY_MOVED,
			EventTypes.PRICEBOOK_CATEGORY_DEACTIVATED);

	private final CloudEventCodec codec;

	private final NodeImageUpdates updates;

	PricebookChangedListener(CloudEventCodec codec, NodeImageUpdates updates) {
		this.codec = codec;
		this.updates = updates;
	}

	@KafkaListener(id = "image-pricebook-changed", topics = Topics.PRICEBOOK_CHANGED, groupId = NodeImageUpdates.CONSUMER)
	void onRecord(ConsumerRecord<String, byte[]> record) {

		var event = codec.read(record);
		if (!CATEGORY_TYPES.contains(event.type())) {
			LOG.debug("Skipping {} on {}", event.type(), record.topic());
			return;
		}
		updates.apply(event, codec.payload(event, CategoryChanged.class));
	}
}
