package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityStageMoved;
import io.lazi.platform.kafka.OutgoingEvent;

/**
 * An opportunity entering a stage.
 *
 * @param stCustomerId {@code null} for an opportunity opened in Lazi
 * @param from {@code null} when the opportunity was created by this move
 */
record StageMove(UUID opportunityId, @Nullable Long stCustomerId, @Nullable Stage from, Stage to, String reason,
		Trigger trigger, @Nullable BigDecimal monetaryValue, @Nullable Long stJobId, @Nullable Long stEstimateId,
		OffsetDateTime movedAt) {

	/** The {@code crm.stage-moved} event announcing this move. */
	OutgoingEvent event(String tenantId) {

		var payload = new OpportunityStageMoved(tenantId, opportunityId,
				from == null ? null : from.pipeline().displayName(), from == null ? null : from.displayName(),
				to.pipeline().displayName(), to.displayName(), to.status().wire(), reason, monetaryValue, stCustomerId,
				stJobId, stEstimateId, movedAt.toInstant());
		return OutgoingEvent.of(Events.CRM_STAGE_MOVED, opportunityId.toString(), payload);
	}

	/**
	 * The status this move gives the opportunity when it closes it ({@code won} or {@code lost}): the status of
	 * {@code to} differs from the one of {@code from} (or the opportunity is created closed). Empty when it stays
	 * open or keeps its status (Job Sold into the Install pipeline), so a status change is announced once.
	 */
	Optional<OpportunityStatus> closes() {

		var status = to.status();
		if (status == OpportunityStatus.OPEN || (from != null && from.status() == status)) {
			return Optional.empty();
		}
		return Optional.of(status);
	}

	/** Who closed the opportunity by this move: the user's {@code sub}, or {@code pipeline} for the rules. */
	String actor() {
		return "user".equals(trigger.type()) ? trigger.id() : "pipeline";
	}
}
