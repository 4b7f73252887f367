package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityStageMoved;
import io.lazi.platform.kafka.OutgoingEvent;

/**
 * An opportunity entering a stage.
 *
 * @param from {@code null} when the opportunity was created by this move
 */
record StageMove(UUID opportunityId, long stCustomerId, @Nullable Stage from, Stage to, String reason,
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
}
