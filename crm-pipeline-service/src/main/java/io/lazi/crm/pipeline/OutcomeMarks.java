package io.lazi.crm.pipeline;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.record.Times;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityOutcomeMarked;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * Users marking opportunities won or lost: the mark is recorded as the opportunity's write-back and announced on
 * {@code crm.opportunities} ({@link Events#CRM_OPPORTUNITY_OUTCOME_MARKED}) in one transaction, for field-service to
 * sell or dismiss the ServiceTitan estimate through the tenant's estimates provider. The stage does not move here:
 * the pipeline rules move it when ServiceTitan's estimate comes back Sold or Dismissed, so a mark and the rules
 * never disagree about where the opportunity is. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OutcomeMarks {

	/** Write-back states of a mark still on its way: the same outcome is not asked for again meanwhile. */
	private static final Set<String> IN_FLIGHT = Set.of("requested", "sent");

	private final WriteBackRepository writeBacks;

	private final Outbox outbox;

	/**
	 * Records the mark (write-back {@code requested}, by {@code userId}, now) and appends its event to the outbox.
	 *
	 * @param outcome {@link OpportunityStatus#WON} or {@link OpportunityStatus#LOST}
	 * @param userId the token's {@code sub}, published as {@code markedBy}
	 * @throws ResourceNotFoundException when the tenant has no such opportunity
	 * @throws OutcomeRefused when the opportunity has no ServiceTitan estimate, is already won or lost, or the same
	 *         outcome is still {@code requested} or {@code sent}; nothing changes
	 */
	@Transactional
	public void mark(Tenant tenant, UUID opportunityId, OpportunityStatus outcome, String userId) {

		if (outcome == OpportunityStatus.OPEN) {
			throw new IllegalArgumentException("An opportunity is marked won or lost, not open");
		}
		var current = writeBacks.lock(tenant.id(), opportunityId);
		if (current == null) {
			throw new ResourceNotFoundException("Opportunity", opportunityId);
		}
		var refusal = refusal(current, outcome);
		if (refusal.isPresent()) {
			throw new OutcomeRefused(refusal.get());
		}
		// Microseconds (Times.now): the event's markedAt equals the stored requestedAt.
		var now = Times.now();
		writeBacks.request(tenant.id(), opportunityId, outcome.wire(), userId, now);
		outbox.append(OutgoingEvent.of(Events.CRM_OPPORTUNITY_OUTCOME_MARKED, opportunityId.toString(),
				new OpportunityOutcomeMarked(tenant.id(), opportunityId, outcome.wire(), current.stEstimateId(),
						current.stJobId(), current.stCustomerId(), userId, now.toInstant())));
	}

	private static Optional<String> refusal(WriteBackRepository.Markable current, OpportunityStatus outcome) {

		if (current.stEstimateId() == null) {
			return Optional.of("the opportunity has no ServiceTitan estimate to "
					+ (outcome == OpportunityStatus.WON ? "sell" : "dismiss"));
		}
		if (current.status() != OpportunityStatus.OPEN) {
			return Optional.of("the opportunity is already " + current.status().wire());
		}
		if (outcome.wire().equals(current.writeBackOutcome()) && IN_FLIGHT.contains(current.writeBackStatus())) {
			return Optional.of("marking it " + outcome.wire() + " is still being written back (" + current.writeBackStatus()
					+ ")");
		}
		return Optional.empty();
	}

	/** A mark refused in the opportunity's current state. */
	public static class OutcomeRefused extends RuntimeException {

		OutcomeRefused(String reason) {
			super(reason);
		}
	}
}
