package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The read models of the pipeline API. */
public final class Views {

	private Views() {
	}

	/**
	 * An opportunity; {@code pipeline} and {@code stage} are the keys, the names come alongside.
	 *
	 * @param technicianIds the ServiceTitan technicians actively assigned to its job ({@code stJobId}), ascending, as
	 *        field-service last reported them; empty when none or not reported yet
	 * @param writeBack the latest won/lost mark written back to ServiceTitan; {@code null} when none
	 */
	public record OpportunityView(UUID id, String pipeline, String pipelineName, String stage, String stageName,
			String status, String title, @Nullable BigDecimal monetaryValue, long stCustomerId,
			@Nullable String contactName, @Nullable Long stJobId, @Nullable Long stEstimateId, Instant stageEnteredAt,
			Instant createdAt, Instant updatedAt, List<Long> technicianIds, @Nullable WriteBack writeBack) {
	}

	/**
	 * Where a user's won/lost mark stands on its way to ServiceTitan's estimate. The stage is not part of it: the
	 * pipeline rules move the opportunity once ServiceTitan's estimate comes back Sold or Dismissed.
	 *
	 * @param outcome {@code won} (sell the estimate) or {@code lost} (dismiss it)
	 * @param status {@code requested} (announced on {@code crm.opportunities}, not yet taken by field-service),
	 *        {@code sent} (a command is on its way to ServiceTitan), {@code succeeded}, {@code failed}, or
	 *        {@code kept} (the estimate is Lazi's own: nothing was sent)
	 * @param error ServiceTitan's error, for {@code failed}
	 * @param commandId the command carrying it to ServiceTitan, once there is one
	 * @param requestedBy the {@code sub} of the user who marked it
	 * @param updatedAt when the status last changed: the mark, then field-service's latest report
	 */
	public record WriteBack(String outcome, String status, @Nullable String error, @Nullable UUID commandId,
			String requestedBy, Instant requestedAt, Instant updatedAt) {
	}

	/** One stage move of an opportunity. */
	public record HistoryEntry(UUID opportunityId, @Nullable String fromPipeline, @Nullable String fromStage,
			String toPipeline, String toStage, String reason, String triggerType, String triggerId, Instant movedAt) {
	}

	/** An opportunity with its stage history, oldest move first. */
	public record OpportunityDetail(OpportunityView opportunity, List<HistoryEntry> history) {
	}

	/** Count and value of opportunities in one stage. */
	public record StageStats(String stage, String name, long count, BigDecimal value) {
	}

	/** Count and value per pipeline, with its stages in order. */
	public record PipelineStats(String pipeline, String name, long count, BigDecimal value, List<StageStats> stages) {
	}

	/** The tenant's pipeline distribution. */
	public record Distribution(long contacts, long opportunities, List<PipelineStats> pipelines) {
	}
}
