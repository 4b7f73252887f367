package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The read models of the pipeline API. */
public final class Views {

	private Views() {
	}

	/**
	 * An opportunity; {@code pipeline} and {@code stage} are the keys, the names come alongside. Derived from a
	 * ServiceTitan customer ({@code source} {@code servicetitan}, {@code stCustomerId} set: the rules own its stage,
	 * title and, unless set by hand or following line items, amount) or opened in Lazi ({@code source} {@code lazi}).
	 *
	 * @param monetaryValue the amount, in the tenant's currency; the same as {@code amount}
	 * @param stCustomerId the ServiceTitan customer; {@code null} for an opportunity opened in Lazi
	 * @param contactName the ServiceTitan customer's name, else the primary contact's
	 * @param technicianIds the ServiceTitan technicians actively assigned to its job ({@code stJobId}), ascending, as
	 *        field-service last reported them; empty when none or not reported yet
	 * @param writeBack the latest won/lost mark written back to ServiceTitan; {@code null} when none
	 * @param source {@code servicetitan} (derived by the pipeline) or {@code lazi}
	 * @param leadId the lead whose conversion opened it, if any
	 * @param amount the amount, in the tenant's currency: a user's when {@code amountManual}, else the sum of the line
	 *        items' totals when it has any, else (derived opportunities) the ServiceTitan estimate's
	 * @param amountManual whether a user set the amount by hand (it then stays whatever the items or rules say)
	 * @param probability percent, 0..100
	 * @param ownerId the {@code sub} of the user who owns it
	 * @param createdBy the {@code sub} of the user who opened it; {@code pipeline} for derived ones
	 * @param version the record's version, its ETag {@code "<version>"}
	 */
	public record OpportunityView(UUID id, String pipeline, String pipelineName, String stage, String stageName,
			String status, String title, @Nullable BigDecimal monetaryValue, @Nullable Long stCustomerId,
			@Nullable String contactName, @Nullable Long stJobId, @Nullable Long stEstimateId, Instant stageEnteredAt,
			Instant createdAt, Instant updatedAt, List<Long> technicianIds, @Nullable WriteBack writeBack,
			String source, @Nullable UUID accountId, @Nullable UUID primaryContactId, @Nullable UUID leadId,
			@Nullable BigDecimal amount, boolean amountManual, @Nullable Integer probability,
			@Nullable LocalDate expectedCloseDate, @Nullable String ownerId, @Nullable String nextStep,
			String createdBy, int version) {
	}

	/**
	 * One product line of an opportunity, priced from the pricebook when it was added.
	 *
	 * @param productType {@code service}, {@code material} or {@code equipment}
	 * @param productId the ServiceTitan id of the service, material or equipment
	 * @param code the product's code when the line was added or its product last changed
	 * @param name the product's name then
	 * @param quantity up to 3 decimals, positive
	 * @param unitPrice in the tenant's currency; the product's price when added unless a user set another
	 * @param discount an amount in the tenant's currency, 0..quantity*unitPrice
	 * @param total quantity*unitPrice - discount, rounded half-up to cents
	 * @param position 1-based order of the line in the opportunity
	 */
	public record LineItemView(UUID id, String productType, long productId, @Nullable String code, String name,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal total, int position) {
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

	/** An opportunity with its stage history, oldest move first, and its line items in their order. */
	public record OpportunityDetail(OpportunityView opportunity, List<HistoryEntry> history,
			List<LineItemView> lineItems) {
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
