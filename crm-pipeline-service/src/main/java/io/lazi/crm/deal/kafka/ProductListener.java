package io.lazi.crm.deal.kafka;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.crm.deal.ProductSnapshots;
import io.lazi.crm.pipeline.FactIngest;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.EventBatches;

/**
 * Reads {@code st.raw.services}, {@code st.raw.materials} and {@code st.raw.equipment} a poll at a time and hands
 * the decoded events to {@link ProductSnapshots#applyAll} as one batch; {@link EventBatches} applies a failing batch
 * one record at a time, so that retries and the DLT concern the one record that fails.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProductListener {

	private final ProductSnapshots snapshots;

	private final CloudEventCodec codec;

	@KafkaListener(id = "crm-products", groupId = FactIngest.CONSUMER, batch = "true",
			topics = { Topics.ST_RAW_SERVICES, Topics.ST_RAW_MATERIALS, Topics.ST_RAW_EQUIPMENT })
	void onRecords(List<ConsumerRecord<String, byte[]>> records) {
		EventBatches.apply(records, codec, snapshots::applyAll, snapshots::apply, applied -> {
		});
	}
}
