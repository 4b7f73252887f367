package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * Users' moves into the manual stages (Estimate Follow-up, Pre-Install Planning / Permitting), under
 * the same protection rules as the automatic moves. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ManualMoves {

	private final OpportunityRepository opportunities;

	private final PipelineEngine engine;

	/**
	 * Moves the opportunity to {@code to} and publishes the move.
	 *
	 * @param userId who moved it, recorded as the trigger
	 * @throws ResourceNotFoundException when the tenant has no such opportunity
	 * @throws StageMoveRefused when the rules forbid the move; nothing changes
	 */
	@Transactional
	public void move(Tenant tenant, UUID opportunityId, Stage to, String userId) {

		var current = opportunities.lock(tenant, opportunityId);
		if (current == null) {
			throw new ResourceNotFoundException("Opportunity", opportunityId);
		}
		var refusal = PipelineRules.refuseManualMove(current.stage(), to);
		if (refusal.isPresent()) {
			throw new StageMoveRefused(refusal.get());
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var trigger = new Trigger("user", userId);
		var derived = new Derived(to, current.title(), current.monetaryValue(), current.stJobId(),
				current.stEstimateId(), "manual", trigger);
		var move = new StageMove(current.id(), current.stCustomerId(), current.stage(), to, "manual", trigger,
				current.monetaryValue(), current.stJobId(), current.stEstimateId(), now);
		engine.apply(tenant.id(), List.of(new OpportunityRepository.Change(current.id(), current.stCustomerId(), derived,
				false, true)), List.of(move), now);
	}

	/** A manual move the pipeline rules forbid. */
	public static class StageMoveRefused extends RuntimeException {

		StageMoveRefused(String reason) {
			super(reason);
		}
	}
}
