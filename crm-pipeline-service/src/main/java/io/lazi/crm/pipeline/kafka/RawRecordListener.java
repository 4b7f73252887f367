package io.lazi.crm.pipeline.kafka;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.crm.pipeline.FactIngest;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.EventBatches;

/**
 * Reads the raw ServiceTitan record topics a poll at a time (up to {@code max.poll.records}) and hands the
 * decoded events to {@link FactIngest#applyAll} as one batch. {@link EventBatches} applies it: a
 * failing batch is applied one record at a time, so that retries and the DLT concern the one record that fails.
 *
 * <p>Spring Kafka observes single records only, so a batch listener has no {@code spring_kafka_listener_seconds}
 * series: the records this instance consumed are counted in {@code lazi.crm.raw.records}
 * ({@code lazi_crm_raw_records_total}), once each batch is applied.
 */
@Component
class RawRecordListener {

	/** Records per batch at most: the per-transaction costs (commit, offsets, statements) spread over more. */
	static final int MAX_POLL_RECORDS = 2_000;

	private final FactIngest ingest;

	private final CloudEventCodec codec;

	private final Counter consumed;

	RawRecordListener(FactIngest ingest, CloudEventCodec codec, MeterRegistry meters) {
		this.ingest = ingest;
		this.codec = codec;
		this.consumed = Counter.builder("lazi.crm.raw.records")
			.description("Raw ServiceTitan records this instance applied in batches, re-deliveries included")
			.register(meters);
	}

	@KafkaListener(id = "crm-raw-records", groupId = FactIngest.CONSUMER, batch = "true",
			properties = ConsumerConfig.MAX_POLL_RECORDS_CONFIG + "=" + MAX_POLL_RECORDS,
			topics = { Topics.ST_RAW_BUSINESS_UNITS, Topics.ST_RAW_CUSTOMERS, Topics.ST_RAW_LOCATIONS,
					Topics.ST_RAW_JOBS, Topics.ST_RAW_APPOINTMENTS, Topics.ST_RAW_ESTIMATES })
	void onRecords(List<ConsumerRecord<String, byte[]>> records) {
		EventBatches.apply(records, codec, ingest::applyAll, ingest::apply, consumed::increment);
	}
}
