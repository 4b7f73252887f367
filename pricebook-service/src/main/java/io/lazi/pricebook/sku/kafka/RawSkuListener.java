package io.lazi.pricebook.sku.kafka;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.pricebook.PricebookApplication;
import io.lazi.pricebook.sku.SkuSync;

/**
 * Reads {@code st.raw.services}, {@code st.raw.materials} and {@code st.raw.equipment} CloudEvents, decoded
 * through the registry, and hands each fetched SKU to {@link SkuSync}. Failures propagate to the platform
 * error handler (bounded retries, then {@code <topic>-dlt}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RawSkuListener {

	private final SkuSync sync;

	@KafkaListener(id = "pricebook-raw-skus", groupId = PricebookApplication.CONSUMER,
			topics = { Topics.ST_RAW_SERVICES, Topics.ST_RAW_MATERIALS, Topics.ST_RAW_EQUIPMENT })
	void onRecord(ReceivedEvent<?> event) {
		sync.apply(event);
	}
}
