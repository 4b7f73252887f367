package io.lazi.image.serving.kafka;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.image.serving.NodeImageUpdates;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code pricebook.changed} in the group the instances share ({@code image-service}), so that each
 * {@link NodeChanges node change} reaches {@link NodeImageUpdates} on one instance; other event types on the
 * topic are skipped. Failures propagate to the platform error handler (bounded retries, then
 * {@code pricebook.changed-dlt}). Each instance's memory follows the same events through
 * {@link CacheEvictionListener}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PricebookChangedListener {

	private static final Logger LOG = LoggerFactory.getLogger(PricebookChangedListener.class);

	private final NodeImageUpdates updates;

	@KafkaListener(id = "image-pricebook-changed", topics = Topics.PRICEBOOK_CHANGED, groupId = NodeImageUpdates.CONSUMER)
	void onRecord(Optional<ReceivedEvent<?>> received, ConsumerRecord<?, ?> record) {

		var event = NodeChanges.of(received);
		if (event.isEmpty()) {
			LOG.debug("Skipping a record on {} at offset {}: no category change of the tree", record.topic(),
					record.offset());
			return;
		}
		updates.apply(event.get());
	}
}
