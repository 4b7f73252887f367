package io.lazi.pricebook.sku.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.pricebook.PricebookApplication;
import io.lazi.pricebook.sku.SkuSync;

/**
 * Reads {@code st.raw.services}, {@code st.raw.materials} and {@code st.raw.equipment} CloudEvents, decoded
 * through the registry, and hands each fetched SKU to {@link SkuSync}. Failures propagate to the platform
 * error handler (bounded retries, then {@code <topic>-dlt}).
 */
@Component
class RawSkuListener {

	private final CloudEventCodec codec;

	private final SkuSync sync;

	RawSkuListener(CloudEventCodec codec, SkuSync sync) {
		this.codec = codec;
		this.sync = sync;
	}

	@KafkaListener(id = "pricebook-raw-skus", groupId = PricebookApplication.CONSUMER,
			topics = { Topics.ST_RAW_SERVICES, Topics.ST_RAW_MATERIALS, Topics.ST_RAW_EQUIPMENT })
	void onRecord(ConsumerRecord<String, byte[]> record) {
		sync.apply(codec.decode(record));
	}
}
