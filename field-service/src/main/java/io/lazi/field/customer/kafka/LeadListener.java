package io.lazi.field.customer.kafka;

import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.field.customer.LeadCustomers;
import io.lazi.field.mirror.MirrorIngest;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.LeadConverted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Reads {@code crm.leads} and hands each converted lead to {@link LeadCustomers}. Leads created
 * ({@code io.lazi.crm.lead.created.v1}), which travel on the same topic, are not for field-service: they are
 * skipped. A record of a type the registry does not know or of any other type, another tenant's header or a missing
 * field goes to {@code crm.leads-dlt}; other failures are retried by the platform error handler first.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LeadListener {

	private static final Logger LOG = LoggerFactory.getLogger(LeadListener.class);

	/** Registered types of {@code crm.leads} that field-service does not act on. */
	static final Set<EventType<?>> IGNORED = Set.of(Events.CRM_LEAD_CREATED);

	private final LeadCustomers customers;

	@KafkaListener(id = "field-leads", topics = Topics.CRM_LEADS, groupId = MirrorIngest.CONSUMER)
	void onRecord(ReceivedEvent<?> event) {
		converted(event).ifPresent(customers::apply);
	}

	/**
	 * The converted lead {@code event} carries; empty for a type field-service skips ({@link #IGNORED}).
	 *
	 * @throws IllegalArgumentException for any other type: the record goes to {@code crm.leads-dlt}
	 */
	static Optional<ReceivedEvent<LeadConverted>> converted(ReceivedEvent<?> event) {

		if (IGNORED.contains(event.type())) {
			LOG.debug("Skipping event {} of type {}: not for field-service", event.id(), event.type());
			return Optional.empty();
		}
		return Optional.of(event.as(LeadConverted.class)
			.orElseThrow(() -> new IllegalArgumentException("Event " + event.id() + " of type " + event.type()
					+ " is no converted lead")));
	}
}
