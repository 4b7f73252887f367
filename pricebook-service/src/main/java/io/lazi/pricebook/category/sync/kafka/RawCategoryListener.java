package io.lazi.pricebook.category.sync.kafka;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.pricebook.PricebookApplication;
import io.lazi.pricebook.category.sync.CategorySync;

/**
 * Reads {@code st.raw.categories} CloudEvents, decoded through the registry, and hands each fetched root to
 * {@link CategorySync}. Failures propagate to the platform error handler (bounded retries, then
 * {@code st.raw.categories-dlt}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RawCategoryListener {

	private final CategorySync sync;

	@KafkaListener(id = "pricebook-raw-categories", topics = Topics.ST_RAW_CATEGORIES,
			groupId = PricebookApplication.CONSUMER)
	void onRecord(ReceivedEvent<?> event) {

		sync.apply(event.as(CategoryFetched.class)
			.orElseThrow(() -> new IllegalArgumentException("Event " + event.id() + " carries no category")));
	}
}
