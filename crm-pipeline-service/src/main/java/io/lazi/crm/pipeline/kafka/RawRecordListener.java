package io.lazi.crm.pipeline.kafka;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.crm.pipeline.FactIngest;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads the raw ServiceTitan record topics and hands each decoded event to {@link FactIngest}. A type
 * the registry does not place on the topic is a poison record; failures propagate to the platform error
 * handler (bounded retries, then {@code <topic>-dlt}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RawRecordListener {

	private final FactIngest ingest;

	@KafkaListener(id = "crm-raw-records", groupId = FactIngest.CONSUMER,
			topics = { Topics.ST_RAW_BUSINESS_UNITS, Topics.ST_RAW_CUSTOMERS, Topics.ST_RAW_LOCATIONS,
					Topics.ST_RAW_JOBS, Topics.ST_RAW_APPOINTMENTS, Topics.ST_RAW_ESTIMATES })
	void onRecord(ReceivedEvent<?> event) {
		ingest.apply(event);
	}
}
