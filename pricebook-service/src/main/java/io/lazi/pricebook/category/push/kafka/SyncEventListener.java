package io.lazi.pricebook.category.push.kafka;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.pricebook.PricebookApplication;
import io.lazi.pricebook.category.push.CategoryPushes;
import io.lazi.pricebook.category.sync.CategorySync;

/**
 * Reads {@code sync.events} and hands the completion of {@code pricebook.categories} runs to
 * {@link CategorySync} and st-ingest's command outcomes to {@link CategoryPushes}; every other event, and
 * types this version does not know, are skipped.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncEventListener {

	/** The sync resource whose runs feed the category tree. */
	static final String CATEGORIES_RESOURCE = "pricebook.categories";

	private static final Logger LOG = LoggerFactory.getLogger(SyncEventListener.class);

	private final CategorySync sync;

	private final CategoryPushes pushes;

	@KafkaListener(id = "pricebook-sync-events", topics = Topics.SYNC_EVENTS, groupId = PricebookApplication.CONSUMER)
	void onRecord(Optional<ReceivedEvent<?>> decoded, ConsumerRecord<?, ?> record) {

		if (decoded.isEmpty()) {
			LOG.debug("Skipping a record of unknown type on {} at offset {}", record.topic(), record.offset());
			return;
		}
		var event = decoded.get();
		switch (event.payload()) {
			case SyncCompleted completed when CATEGORIES_RESOURCE.equals(completed.resource()) ->
				sync.complete(event.as(SyncCompleted.class).orElseThrow());
			case SyncCompleted completed -> LOG.debug("Skipping completion of resource {}", completed.resource());
			case StCommandCompleted _ -> pushes.apply(event.as(StCommandCompleted.class).orElseThrow());
			default -> LOG.trace("Skipping {}", event.type());
		}
	}
}
