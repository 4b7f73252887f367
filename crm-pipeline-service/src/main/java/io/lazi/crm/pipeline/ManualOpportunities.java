package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.web.ResourceNotFoundException;

/**
 * What the CRM's own opportunity records (opened by users or by converting a lead, kept in the same
 * {@code opportunity} table) need of the pipeline, each in the caller's transaction: the tenant's pipeline and stage
 * catalogue, the first stage move of a new opportunity with its events, and giving a derived opportunity's amount
 * back to the rules. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ManualOpportunities {

	private final OpportunityRepository opportunities;

	private final PipelineEngine engine;

	/** Makes sure the tenant's pipelines and stages exist (idempotent): an opportunity's stage refers to them. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void prepare(String tenantId) {
		opportunities.seedCatalogue(tenantId);
	}

	/**
	 * Records that the opportunity {@code opportunityId}, just inserted with its stage, entered it: a history row
	 * from no stage, {@code crm.stage-moved}, {@link StagesEntered}, and {@code crm.opportunity-won}/{@code -lost}
	 * when it was opened closed.
	 *
	 * @param reason the history's reason, e.g. {@code opened} or {@code lead-converted}
	 * @param userId the {@code sub} of the user who opened it, recorded as the trigger
	 * @throws ResourceNotFoundException when the tenant has no such opportunity
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void opened(String tenantId, UUID opportunityId, String reason, String userId) {

		var current = opportunities.lock(tenantId, opportunityId);
		if (current == null) {
			throw new ResourceNotFoundException("Opportunity", opportunityId);
		}
		engine.announce(tenantId, List.of(new StageMove(current.id(), current.stCustomerId(), null, current.stage(),
				reason, new Trigger("user", userId), current.monetaryValue(), current.stJobId(), current.stEstimateId(),
				OffsetDateTime.now(ZoneOffset.UTC))));
	}

	/**
	 * Re-derives the opportunity of a ServiceTitan customer from its facts, so that its amount is the rules' again
	 * once it is neither set by hand nor follows line items. Other changes the facts call for apply too, as the
	 * reconciler would apply them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rederive(String tenantId, long stCustomerId) {
		engine.rederive(tenantId, Set.of(stCustomerId), OffsetDateTime.now(ZoneOffset.UTC));
	}
}
