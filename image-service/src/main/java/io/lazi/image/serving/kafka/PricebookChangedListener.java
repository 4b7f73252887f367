package io.lazi.image.serving.kafka;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.image.serving.NodeImageUpdates;
import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code pricebook.changed} and hands each created, updated, moved, deactivated or pushed category
 * to {@link NodeImageUpdates}; other event types on the topic are skipped (an override only becomes the
 * node's image path once it is pushed). Failures propagate to the platform error handler (bounded
 * retries, then {@code pricebook.changed-dlt}).
 */
@Component
class PricebookChangedListener {

	private static final Logger LOG = LoggerFactory.getLogger(PricebookChangedListener.class);

	private static final Set<EventType<?>> CATEGORY_TYPES = Set.of(Events.PRICEBOOK_CATEGORY_CREATED,
			Events.PRICEBOOK_CATEGORY_UPDATED, Events.PRICEBOOK_CATEGORY_MOVED, Events.PRICEBOOK_CATEGORY_DEACTIVATED,
			// A pushed image is announced only so: pricebook's node and ServiceTitan agree afterwards, and no
			// later sync reports it as updated.
			Events.PRICEBOOK_CATEGORY_PUSHED);

	private final NodeImageUpdates updates;

	PricebookChangedListener(NodeImageUpdates updates) {
		this.updates = updates;
	}

	@KafkaListener(id = "image-pricebook-changed", topics = Topics.PRICEBOOK_CHANGED, groupId = NodeImageUpdates.CONSUMER)
	void onRecord(Optional<ReceivedEvent<?>> received, ConsumerRecord<?, ?> record) {

		var event = received
			.filter(e -> CATEGORY_TYPES.contains(e.type()))
			.flatMap(e -> e.as(CategoryChanged.class));
		if (event.isEmpty()) {
			LOG.debug("Skipping a record on {} at offset {}: no category change of the tree", record.topic(),
					record.offset());
			return;
		}
		updates.apply(event.get());
	}
}
