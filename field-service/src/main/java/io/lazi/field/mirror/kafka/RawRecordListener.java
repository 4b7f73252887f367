package io.lazi.field.mirror.kafka;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import io.lazi.field.mirror.MirrorIngest;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads the raw ServiceTitan record topics field-service mirrors a poll at a time (up to {@code max.poll.records}) and hands the
 * decoded events to {@link MirrorIngest#applyAll} as one batch. When a batch fails (a poison record: a type the
 * registry does not place on the topic, a payload that does not verify; or the database went away), its
 * records are applied one by one in transactions of their own, and the one that fails is named to the
 * platform error handler ({@link BatchListenerFailedException}): the records before it stay applied, a poison
 * record goes to {@code <topic>-dlt} without retries, another failure is retried with back-off, and the
 * records after it are delivered again, as with a listener of single records. A record that does not decode
 * is named the same way once the ones before it are applied.
 *
 * <p>Spring Kafka observes single records only, so a batch listener has no {@code spring_kafka_listener_seconds}
 * series: the records this instance consumed are counted in {@code lazi.field.raw.records}
 * ({@code lazi_field_raw_records_total}), once each batch is applied.
 */
@Component
class RawRecordListener {

	private static final Logger LOG = LoggerFactory.getLogger(RawRecordListener.class);

	/** Records per batch at most: the per-transaction costs (commit, offsets, statements) spread over more. */
	static final int MAX_POLL_RECORDS = 2_000;

	private final MirrorIngest ingest;

	private final CloudEventCodec codec;

	private final Counter consumed;

	RawRecordListener(MirrorIngest ingest, CloudEventCodec codec, MeterRegistry meters) {
		this.ingest = ingest;
		this.codec = codec;
		this.consumed = Counter.builder("lazi.field.raw.records")
			.description("Raw ServiceTitan records this instance applied in batches, re-deliveries included")
			.register(meters);
	}

	@KafkaListener(id = "field-raw-records", groupId = MirrorIngest.CONSUMER, batch = "true",
			properties = ConsumerConfig.MAX_POLL_RECORDS_CONFIG + "=" + MAX_POLL_RECORDS,
			topics = { Topics.ST_RAW_BUSINESS_UNITS, Topics.ST_RAW_CUSTOMERS, Topics.ST_RAW_LOCATIONS,
					Topics.ST_RAW_JOBS, Topics.ST_RAW_APPOINTMENTS, Topics.ST_RAW_ESTIMATES, Topics.ST_RAW_TECHNICIANS,
					Topics.ST_RAW_TEAMS, Topics.ST_RAW_ZONES, Topics.ST_RAW_APPOINTMENT_ASSIGNMENTS,
					Topics.ST_RAW_TECHNICIAN_SHIFTS, Topics.ST_RAW_JOB_REASONS, Topics.ST_RAW_LEADS, Topics.ST_RAW_BOOKINGS })
	void onRecords(List<ConsumerRecord<String, byte[]>> records) {

		var events = new ArrayList<ReceivedEvent<?>>(records.size());
		for (var i = 0; i < records.size(); i++) {
			try {
				events.add(codec.decode(records.get(i)));
			}
			catch (RuntimeException poison) {
				applyOrFind(events);
				consumed.increment(events.size());
				throw new BatchListenerFailedException("Record cannot be applied: " + poison.getMessage(), poison, i);
			}
		}
		applyOrFind(events);
		consumed.increment(events.size());
	}

	private void applyOrFind(List<ReceivedEvent<?>> events) {

		if (events.isEmpty()) {
			return;
		}
		try {
			ingest.applyAll(events);
		}
		catch (RuntimeException batchFailure) {
			LOG.warn("A batch of {} raw records failed ({}); applying them one by one", events.size(),
					batchFailure.toString());
			for (var i = 0; i < events.size(); i++) {
				try {
					ingest.applyOne(events.get(i));
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException("Record failed: " + ex.getMessage(), ex, i);
				}
			}
		}
	}
}
