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
 * Users' stage moves. A derived opportunity enters only the manual stages (Estimate Follow-up, Pre-Install Planning /
 * Permitting), under the same protection rules as the automatic moves; one opened in Lazi, which no rule moves,
 * enters any stage of its pipeline but never leaves a protected stage backwards
 * ({@link PipelineRules#refuseMoveOfOwn}). A move to Job Sold or Estimate Lost announces the opportunity won or lost.
 * Thread-safe.
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
	 * @throws ResourceNotFoundException when the tenant has no such opportunity (or it was deleted)
	 * @throws StageMoveRefused when the rules forbid the move; nothing changes
	 */
	@Transactional
	public void move(Tenant tenant, UUID opportunityId, Stage to, String userId) {

		var current = opportunities.lock(tenant.id(), opportunityId);
		if (current == null) {
			throw new ResourceNotFoundException("Opportunity", opportunityId);
		}
		var refusal = current.manual() ? PipelineRules.refuseMoveOfOwn(current.stage(), to)
				: PipelineRules.refuseManualMove(current.stage(), to);
		if (refusal.isPresent()) {
			throw new StageMoveRefused(refusal.get());
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var trigger = new Trigger("user", userId);
		var move = new StageMove(current.id(), current.stCustomerId(), current.stage(), to, "manual", trigger,
				current.monetaryValue(), current.stJobId(), current.stEstimateId(), now);
		if (current.manual()) {
			opportunities.moveManual(tenant.id(), current.id(), to, now);
			engine.announce(tenant.id(), List.of(move));
			return;
		}
		var derived = new Derived(to, current.title(), current.monetaryValue(), current.stJobId(),
				current.stEstimateId(), "manual", trigger);
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
