package io.lazi.crm.pipeline.kafka;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.crm.pipeline.FactIngest;
import io.lazi.crm.pipeline.FieldChanges;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code field.changed} and hands write-back reports and job assignments to {@link FieldChanges}; customer
 * changes, other job changes, provider switches and types this version does not know are skipped. A record that
 * can never be applied goes to {@code field.changed-dlt} without retries (the platform error handler).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FieldChangeListener {

	private static final Logger LOG = LoggerFactory.getLogger(FieldChangeListener.class);

	private final FieldChanges changes;

	@KafkaListener(id = "crm-field-changes", topics = Topics.FIELD_CHANGED, groupId = FactIngest.CONSUMER)
	void onRecord(Optional<ReceivedEvent<?>> received) {

		received.ifPresent(event -> {
			if (FieldChanges.reads(event.type())) {
				changes.apply(event);
			}
			else {
				LOG.trace("Skipping {}", event.type());
			}
		});
	}
}
