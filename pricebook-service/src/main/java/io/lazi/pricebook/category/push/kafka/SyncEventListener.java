package io.lazi.pricebook.category.push.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.pricebook.category.push.CategoryPushes;
import io.lazi.pricebook.category.sync.CategorySync;

/**
 * Reads {@code sync.events} and hands the completion of {@code pricebook.categories} runs to
 * {@link CategorySync} and st-ingest's command outcomes to {@link CategoryPushes}; every other event is
 * skipped explicitly.
 */
@Component
class SyncEventListener {

	/** The sync resource whose runs feed the category tree. */
	static final String CATEGORIES_RESOURCE = "pricebook.categories";

	private static final Logger LOG = LoggerFactory.getLogger(SyncEventListener.class);

	private final CloudEventCodec codec;

	private final CategorySync sync;

	private final CategoryPushes pushes;

	SyncEventListener(CloudEventCodec codec, CategorySync sync, CategoryPushes pushes) {
		this.codec = codec;
		this.sync = sync;
		this.pushes = pushes;
	}

	@KafkaListener(id = "pricebook-sync-events", topics = Topics.SYNC_EVENTS, groupId = CategorySync.CONSUMER)
	void onRecord(ConsumerRecord<String, byte[]> record) {

		switch (SyncEvent.of(codec.read(record), codec)) {
			case SyncEvent.Completed completed when CATEGORIES_RESOURCE.equals(completed.payload().resource()) ->
				sync.complete(completed.event(), completed.payload());
			case SyncEvent.Completed completed ->
				LOG.debug("Skipping completion of resource {}", completed.payload().resource());
			case SyncEvent.CommandCompleted completed -> pushes.apply(completed.event(), completed.payload());
			case SyncEvent.Irrelevant irrelevant -> LOG.trace("Skipping {}", irrelevant.type());
			case SyncEvent.Unknown unknown -> LOG.debug("Skipping unknown sync event type {}", unknown.type());
		}
	}
}
