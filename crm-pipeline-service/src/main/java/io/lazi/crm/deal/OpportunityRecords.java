package io.lazi.crm.deal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.pipeline.ManualOpportunities;
import io.lazi.crm.pipeline.Pipeline;
import io.lazi.crm.pipeline.Stage;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.RecordType;
import io.lazi.crm.record.RelatedRecords;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.ConflictException;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;

/**
 * Opportunities as CRM records: opened in Lazi by a user or a lead's conversion (source {@code lazi}, no
 * ServiceTitan customer, so the pipeline rules never move them), the fields users edit on any opportunity, and the
 * soft delete of the ones opened in Lazi. Each call is one transaction, or joins the caller's. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpportunityRecords {

	private final OpportunityWrites writes;

	private final RelatedRecords related;

	private final ManualOpportunities pipeline;

	/**
	 * Opens an opportunity in Lazi, in the caller's transaction when there is one (a lead's conversion): source
	 * {@code lazi}, status from its stage, a stage history row from no stage to it, {@code crm.stage-moved}, and
	 * {@code crm.opportunity-won}/{@code -lost} if opened in Job Sold, Estimate Lost or the Install pipeline.
	 *
	 * @return the new opportunity's id
	 * @throws InvalidInputException naming the field: {@code title} blank or too long, {@code pipeline} or
	 *         {@code stage} unknown (or the stage of the other pipeline), {@code amount} negative or with more than 2
	 *         decimals, {@code accountId}, {@code primaryContactId} or {@code leadId} no live record of the tenant
	 */
	@Transactional
	public UUID open(String tenantId, NewOpportunity spec, Actor actor) {
		return open(tenantId, spec, OpportunityPlans.NONE, actor);
	}

	/**
	 * {@link #open(String, NewOpportunity, Actor)} with the user's plans for it.
	 *
	 * @throws InvalidInputException also for {@code probability} outside 0..100 or {@code nextStep} too long
	 */
	@Transactional
	public UUID open(String tenantId, NewOpportunity spec, OpportunityPlans plans, Actor actor) {

		var pipelineKey = pipeline(spec.pipeline());
		var stage = spec.stage() == null || spec.stage().isBlank() ? Stage.of(pipelineKey).getFirst()
				: stage(spec.stage(), pipelineKey);
		var checked = new NewOpportunity(Inputs.required(spec.title(), "title", Inputs.NAME), pipelineKey.name(),
				stage.name(), spec.accountId(), spec.primaryContactId(), Inputs.optionalMoney(spec.amount(), "amount"),
				Inputs.optional(spec.ownerId(), "ownerId", Inputs.NAME), spec.leadId());
		var checkedPlans = new OpportunityPlans(Inputs.percent(plans.probability(), "probability"),
				plans.expectedCloseDate(), Inputs.optional(plans.nextStep(), "nextStep", Inputs.TEXT));
		requireLinks(tenantId, checked.accountId(), checked.primaryContactId());
		if (checked.leadId() != null) {
			related.require(tenantId, RecordType.LEAD, checked.leadId(), "leadId");
		}
		pipeline.prepare(tenantId);
		var id = UUID.randomUUID();
		writes.insert(tenantId, id, checked, stage, checkedPlans,
				checked.ownerId() == null ? actor.id() : checked.ownerId(), actor.id(), OffsetDateTime.now(ZoneOffset.UTC));
		pipeline.opened(tenantId, id, checked.leadId() == null ? "opened" : "lead-converted", actor.id());
		return id;
	}

	/**
	 * Replaces the editable fields of an opportunity, derived or opened in Lazi (see {@link OpportunityEdit} for
	 * the amount). When a derived opportunity's amount is given back to the rules and it has no line items, the
	 * rules derive it again at once.
	 *
	 * @param expectedVersion the version {@code If-Match} names; {@code null} to change whatever is current
	 * @throws ResourceNotFoundException when the tenant has no such live opportunity
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the current version
	 * @throws InvalidInputException naming the field, as {@link #open} checks it
	 */
	@Transactional
	public void update(String tenantId, UUID id, OpportunityEdit edit, @Nullable Integer expectedVersion) {

		var checked = new OpportunityEdit(Inputs.required(edit.title(), "title", Inputs.NAME), edit.accountId(),
				edit.primaryContactId(), Inputs.optionalMoney(edit.amount(), "amount"), edit.amountManual(),
				Inputs.percent(edit.probability(), "probability"), edit.expectedCloseDate(),
				Inputs.optional(edit.ownerId(), "ownerId", Inputs.NAME),
				Inputs.optional(edit.nextStep(), "nextStep", Inputs.TEXT));
		var current = lock(tenantId, id, expectedVersion);
		requireLinks(tenantId, checked.accountId(), checked.primaryContactId());
		var manual = amountManual(checked, current);
		var amount = manual ? checked.amount()
				: current.items() > 0 ? current.itemsTotal() : current.derived() ? current.amount() : null;
		if (!writes.update(tenantId, id, current.version(), checked, amount, manual, OffsetDateTime.now(ZoneOffset.UTC))) {
			throw new IllegalStateException("Opportunity " + id + " changed under its lock");
		}
		var customer = current.stCustomerId();
		if (customer != null && current.amountManual() && !manual && current.items() == 0) {
			pipeline.rederive(tenantId, customer);
		}
	}

	/**
	 * Deletes an opportunity opened in Lazi (soft: it is gone from lists and reads, its history stays).
	 *
	 * @throws ResourceNotFoundException when the tenant has no such live opportunity
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the current version
	 * @throws ConflictException when it is derived from a ServiceTitan customer: it follows the customer
	 */
	@Transactional
	public void delete(String tenantId, UUID id, @Nullable Integer expectedVersion) {

		var current = lock(tenantId, id, expectedVersion);
		if (current.derived()) {
			throw new ConflictException(null, "Opportunity " + id + " is derived from ServiceTitan customer "
					+ current.stCustomerId() + " and follows it: it cannot be deleted");
		}
		writes.delete(tenantId, id, current.version(), OffsetDateTime.now(ZoneOffset.UTC));
	}

	/** The opportunity under its lock, at the version asked for. */
	OpportunityWrites.Locked lock(String tenantId, UUID id, @Nullable Integer expectedVersion) {

		var current = writes.lock(tenantId, id);
		if (current == null) {
			throw new ResourceNotFoundException("Opportunity", id);
		}
		Versions.check("Opportunity " + id, expectedVersion, current.version());
		return current;
	}

	/** Whether the amount is set by hand after {@code edit}: see {@link OpportunityEdit#amountManual()}. */
	private static boolean amountManual(OpportunityEdit edit, OpportunityWrites.Locked current) {

		if (edit.amountManual() != null) {
			return edit.amountManual();
		}
		if (edit.amount() == null) {
			return false;
		}
		return current.amountManual() || !sameAmount(edit.amount(), current.amount());
	}

	private void requireLinks(String tenantId, @Nullable UUID accountId, @Nullable UUID primaryContactId) {

		if (accountId != null) {
			related.require(tenantId, RecordType.ACCOUNT, accountId, "accountId");
		}
		if (primaryContactId != null) {
			related.require(tenantId, RecordType.CONTACT, primaryContactId, "primaryContactId");
		}
	}

	private static boolean sameAmount(BigDecimal a, @Nullable BigDecimal b) {
		return b != null && a.compareTo(b) == 0;
	}

	private static Pipeline pipeline(@Nullable String value) {

		if (value == null || value.isBlank()) {
			throw new InvalidInputException("pipeline", "is required: one of " + names(Pipeline.values()));
		}
		return Arrays.stream(Pipeline.values())
			.filter(p -> p.name().equals(value.trim().toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("pipeline", "must be one of " + names(Pipeline.values())));
	}

	private static Stage stage(String value, Pipeline pipeline) {

		var stages = Stage.of(pipeline);
		return Stage.parse(value)
			.filter(stages::contains)
			.orElseThrow(() -> new InvalidInputException("stage", "must be a stage of the " + pipeline.displayName()
					+ " pipeline: " + stages.stream().map(Enum::name).collect(Collectors.joining(", "))));
	}

	private static String names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
	}
}
