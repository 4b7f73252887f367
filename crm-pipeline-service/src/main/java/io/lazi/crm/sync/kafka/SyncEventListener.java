package io.lazi.crm.sync.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.crm.pipeline.FactIngest;
import io.lazi.crm.sync.SyncRuns;
import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;

/** Reads {@code sync.events} and hands completions and failures of {@code crm} runs to {@link SyncRuns}. */
@Component
class SyncEventListener {

	private static final Logger LOG = LoggerFactory.getLogger(SyncEventListener.class);

	private final CloudEventCodec codec;

	private final SyncRuns runs;

	SyncEventListener(CloudEventCodec codec, SyncRuns runs) {
		this.codec = codec;
		this.runs = runs;
	}

	@KafkaListener(id = "crm-sync-events", topics = Topics.SYNC_EVENTS, groupId = FactIngest.CONSUMER)
	void onRecord(ConsumerRecord<String, byte[]> record) {

		var event = codec.read(record);
		switch (event.type()) {
			case EventTypes.SYNC_COMPLETED -> {
				var completed = codec.payload(event, SyncCompleted.class);
				if (SyncRuns.RESOURCE.equals(completed.resource())) {
					runs.completed(event, completed);
				}
			}
			case EventTypes.SYNC_FAILED -> {
				var failed = codec.payload(event, SyncFailed.class);
				if (SyncRuns.RESOURCE.equals(failed.resource())) {
					runs.failed(event, failed);
				}
			}
			default -> LOG.trace("Skipping {}", event.type());
		}
	}
}
