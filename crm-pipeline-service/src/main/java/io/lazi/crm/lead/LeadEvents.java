package io.lazi.crm.lead;

import java.util.Objects;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.LeadConverted;
import io.lazi.platform.events.LeadCreated;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.platform.kafka.Outbox;

/** Appends the leads' events to the outbox, in the caller's transaction, keyed and subject by the lead's id. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LeadEvents {

	private final Outbox outbox;

	/** {@code crm.lead-created} for a lead just inserted, by a user or from ServiceTitan. */
	void created(String tenantId, LeadView lead) {
		outbox.append(OutgoingEvent.of(Events.CRM_LEAD_CREATED, lead.id().toString(),
				new LeadCreated(tenantId, lead.id(), lead.name(), lead.company(), lead.email(), lead.phone(),
						lead.source(), lead.status(), lead.estimatedValue(), lead.ownerId(), lead.stLeadId(),
						lead.createdBy(), lead.createdAt())));
	}

	/**
	 * {@code crm.lead-converted} for a lead just marked converted in Lazi, with the customer to create where the
	 * tenant's customers are ServiceTitan's (field-service): the company, else the lead's name, and its contacts and
	 * address.
	 */
	void converted(String tenantId, LeadView lead, String pipeline, boolean accountCreated, boolean contactCreated) {
		outbox.append(OutgoingEvent.of(Events.CRM_LEAD_CONVERTED, lead.id().toString(),
				new LeadConverted(tenantId, lead.id(), Objects.requireNonNull(lead.convertedAccountId()),
						Objects.requireNonNull(lead.convertedContactId()),
						Objects.requireNonNull(lead.convertedOpportunityId()), pipeline, accountCreated, contactCreated,
						Objects.requireNonNull(lead.convertedBy()), Objects.requireNonNull(lead.convertedAt()),
						lead.company() == null || lead.company().isBlank() ? lead.name() : lead.company(), lead.email(),
						lead.phone(), lead.street(), lead.city(), lead.state(), lead.zip())));
	}
}
