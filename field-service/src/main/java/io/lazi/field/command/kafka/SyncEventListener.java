package io.lazi.field.command.kafka;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.field.command.FieldCommands;
import io.lazi.field.mirror.MirrorIngest;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code sync.events} and hands st-ingest's answers to field commands to {@link FieldCommands#complete};
 * every other event, and types this version does not know, are skipped.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncEventListener {

	private static final Logger LOG = LoggerFactory.getLogger(SyncEventListener.class);

	private final FieldCommands commands;

	@KafkaListener(id = "field-sync-events", topics = Topics.SYNC_EVENTS, groupId = MirrorIngest.CONSUMER)
	void onRecord(Optional<ReceivedEvent<?>> decoded, ConsumerRecord<?, ?> record) {

		if (decoded.isEmpty()) {
			LOG.debug("Skipping a record of unknown type on {} at offset {}", record.topic(), record.offset());
			return;
		}
		decoded.get().as(FieldCommandCompleted.class).ifPresent(commands::complete);
	}
}
