package io.lazi.field.writeback.kafka;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.field.mirror.MirrorIngest;
import io.lazi.field.writeback.EstimateWriteBack;
import io.lazi.platform.events.OpportunityOutcomeMarked;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code crm.opportunities} and hands each opportunity marked won or lost to {@link EstimateWriteBack}. A record
 * of another type, another tenant's header or a missing field goes to {@code crm.opportunities-dlt}; other failures
 * are retried by the platform error handler first.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpportunityListener {

	private final EstimateWriteBack writeBack;

	@KafkaListener(id = "field-opportunities", topics = Topics.CRM_OPPORTUNITIES, groupId = MirrorIngest.CONSUMER)
	void onRecord(ReceivedEvent<?> event) {

		writeBack.apply(event.as(OpportunityOutcomeMarked.class)
			.orElseThrow(() -> new IllegalArgumentException("Event " + event.id() + " of type " + event.type()
					+ " is no opportunity outcome")));
	}
}
