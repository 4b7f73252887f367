package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Published (as a Spring application event, synchronously, inside the transaction that moved them) after
 * opportunities entered stages, by the rules or by users, in the order of the moves, so that other CRM features
 * react in the same transaction (an Install opportunity opens its project).
 */
public record StagesEntered(String tenantId, List<Entered> moves) {

	/**
	 * One opportunity entering {@code to}.
	 *
	 * @param from {@code null} when the opportunity was created by this move
	 * @param stCustomerId {@code null} for an opportunity opened in Lazi
	 * @param stJobId the ServiceTitan job the opportunity follows, if any
	 */
	public record Entered(UUID opportunityId, @Nullable Long stCustomerId, @Nullable Stage from, Stage to,
			@Nullable Long stJobId, OffsetDateTime at) {
	}
}
