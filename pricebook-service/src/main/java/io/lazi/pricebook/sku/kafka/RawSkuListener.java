package io.lazi.pricebook.sku.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.pricebook.sku.SkuSync;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code st.raw.services}, {@code st.raw.materials} and {@code st.raw.equipment} CloudEvents and
 * hands each fetched SKU to {@link SkuSync}. Failures propagate to the platform error handler
 * (bounded retries, then {@code <topic>-dlt}).
 */
@Component
class RawSkuListener {

	private final CloudEventCodec codec;

	private final JsonMapper json;

	private final SkuSync sync;

	RawSkuListener(CloudEventCodec codec, JsonMapper json, SkuSync sync) {
		this.codec = codec;
		this.json = json;
		this.sync = sync;
	}

	@KafkaListener(id = "pricebook-raw-skus", groupId = SkuSync.CONSUMER,
			topics = { Topics.ST_RAW_SERVICES, Topics.ST_RAW_MATERIALS, Topics.ST_RAW_EQUIPMENT })
	void onRecord(ConsumerRecord<String, byte[]> record) {

		var event = codec.read(record);
		sync.apply(event, RawSku.of(event.type(), record.topic()).decode(json, event.data()));
	}
}
