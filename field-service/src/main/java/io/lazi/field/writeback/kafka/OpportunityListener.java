package io.lazi.field.writeback.kafka;

import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.field.mirror.MirrorIngest;
import io.lazi.field.writeback.EstimateWriteBack;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityOutcomeMarked;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code crm.opportunities} and hands each opportunity marked won or lost to {@link EstimateWriteBack}. The
 * announcements that an opportunity's status became won or lost ({@code io.lazi.crm.opportunity.won.v1} /
 * {@code lost.v1}), which travel on the same topic, are not for field-service: they are skipped. A record of an
 * unknown type or any other type, another tenant's header or a missing field goes to {@code crm.opportunities-dlt};
 * other failures are retried by the platform error handler first.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpportunityListener {

	private static final Logger LOG = LoggerFactory.getLogger(OpportunityListener.class);

	/** Registered types of {@code crm.opportunities} that field-service does not act on. */
	static final Set<EventType<?>> IGNORED = Set.of(Events.CRM_OPPORTUNITY_WON, Events.CRM_OPPORTUNITY_LOST);

	private final EstimateWriteBack writeBack;

	@KafkaListener(id = "field-opportunities", topics = Topics.CRM_OPPORTUNITIES, groupId = MirrorIngest.CONSUMER)
	void onRecord(ReceivedEvent<?> event) {
		outcome(event).ifPresent(writeBack::apply);
	}

	/**
	 * The marked outcome {@code event} carries; empty for a type field-service skips ({@link #IGNORED}).
	 *
	 * @throws IllegalArgumentException for any other type: the record goes to {@code crm.opportunities-dlt}
	 */
	static Optional<ReceivedEvent<OpportunityOutcomeMarked>> outcome(ReceivedEvent<?> event) {

		if (IGNORED.contains(event.type())) {
			LOG.debug("Skipping event {} of type {}: not for field-service", event.id(), event.type());
			return Optional.empty();
		}
		return Optional.of(event.as(OpportunityOutcomeMarked.class)
			.orElseThrow(() -> new IllegalArgumentException("Event " + event.id() + " of type " + event.type()
					+ " is no opportunity outcome")));
	}
}
