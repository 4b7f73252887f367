package io.lazi.pricebook.category.sync.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.pricebook.PricebookApplication;
import io.lazi.pricebook.category.sync.CategorySync;

/**
 * Reads {@code st.raw.categories} CloudEvents, decoded through the registry, and hands each fetched root to
 * {@link CategorySync}. Failures propagate to the platform error handler (bounded retries, then
 * {@code st.raw.categories-dlt}).
 */
@Component
class RawCategoryListener {

	private final CloudEventCodec codec;

	private final CategorySync sync;

	RawCategoryListener(CloudEventCodec codec, CategorySync sync) {
		this.codec = codec;
		this.sync = sync;
	}

	@KafkaListener(id = "pricebook-raw-categories", topics = Topics.ST_RAW_CATEGORIES,
			groupId = PricebookApplication.CONSUMER)
	void onRecord(ConsumerRecord<String, byte[]> record) {

		var event = codec.decode(record)
			.as(CategoryFetched.class)
			.orElseThrow(() -> new IllegalArgumentException("A record on " + record.topic() + " carries no category"));
		sync.apply(event);
	}
}
