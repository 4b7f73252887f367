package io.lazi.crm.lead;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StLead;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * ServiceTitan's own leads ({@code st.raw.leads}, {@link Events#LEAD_FETCHED}) as leads of the tenant, linked by
 * {@code st_lead_id}: each event once ({@link ConsumedMessages}), in a transaction of its own. The first sight
 * inserts the lead (created by {@code servicetitan}) and announces {@code crm.lead-created}; a later record applies
 * only when its {@code modifiedOn} is newer than the one applied (records arrive in any order across re-syncs), and
 * then overwrites name, email, phone and status (see {@link StLeadFields}); what users edit besides stays theirs.
 * Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ServiceTitanLeads {

	/**
	 * Consumer name under which applied event ids are recorded: the listener's own, so that another consumer of
	 * {@code st.raw.leads} in this service would not mistake these for its own.
	 */
	public static final String CONSUMER = "crm-leads";

	private static final Logger LOG = LoggerFactory.getLogger(ServiceTitanLeads.class);

	private final ConsumedMessages consumed;

	private final LeadRepository leads;

	private final LeadEvents events;

	/** Whether {@link #apply} takes events of this type; other types on {@code st.raw.leads} are skipped. */
	public static boolean reads(io.lazi.platform.events.EventType<?> type) {
		return type.equals(Events.LEAD_FETCHED);
	}

	/**
	 * Applies one fetched ServiceTitan lead; a re-delivered event changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (another type or payload, tenant
	 *         mismatch, missing fields); nothing is applied then
	 */
	@Transactional
	public void apply(ReceivedEvent<?> event) {

		if (!reads(event.type()) || !(event.payload() instanceof StRecordFetched<?> fetched)
				|| !(fetched.record() instanceof StLead lead)) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " is no ServiceTitan lead");
		}
		if (!consumed.accept(event, CONSUMER)) {
			return;
		}
		var tenantId = event.tenantId();
		var st = StLeadFields.of(lead);
		var now = Leads.now();
		var inserted = leads.insertFromServiceTitan(tenantId, st, now);
		if (inserted.isPresent()) {
			events.created(tenantId, inserted.get());
			return;
		}
		var current = leads.lockServiceTitan(tenantId, st.stLeadId());
		if (current == null) {
			throw new IllegalStateException("Lead " + st.stLeadId() + " of tenant " + tenantId + " conflicted but is gone");
		}
		if (current.stModifiedOn() != null
				&& (st.modifiedOn() == null || !st.modifiedOn().isAfter(current.stModifiedOn()))) {
			LOG.debug("ServiceTitan lead {} of event {} is not newer than the one applied; nothing changed",
					st.stLeadId(), event.id());
			return;
		}
		var status = st.statusAfter(current.status(), current.convertedInLazi());
		var converted = status == LeadStatus.CONVERTED;
		leads.updateFromServiceTitan(tenantId, current.id(), st, status,
				converted ? (current.convertedAt() == null ? st.modifiedOrNow(now) : current.convertedAt()) : null,
				converted ? (current.convertedBy() == null ? StLeadFields.SERVICETITAN : current.convertedBy()) : null,
				now);
	}
}
