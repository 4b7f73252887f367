package io.lazi.crm.deal;

import static io.lazi.crm.jooq.Tables.LINE_ITEM;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.crm.pipeline.Stage;

/**
 * Writes the CRM columns of the {@code opportunity} table: opportunities opened in Lazi, the fields users edit on
 * any opportunity, the amount that follows line items, soft deletes. The rules' columns of derived opportunities
 * (stage, title, ServiceTitan links) are the pipeline's. Every change is a new version.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpportunityWrites {

	private final DSLContext dsl;

	/** Inserts an opportunity opened in Lazi, in {@code stage} with its status, version 1. */
	void insert(String tenantId, UUID id, NewOpportunity spec, Stage stage, OpportunityPlans plans, String ownerId,
			String createdBy, OffsetDateTime now) {
		dsl.insertInto(OPPORTUNITY)
			.set(OPPORTUNITY.TENANT_ID, tenantId)
			.set(OPPORTUNITY.ID, id)
			.set(OPPORTUNITY.SOURCE, "lazi")
			.set(OPPORTUNITY.PIPELINE, stage.pipeline().name())
			.set(OPPORTUNITY.STAGE, stage.name())
			.set(OPPORTUNITY.STATUS, stage.status().wire())
			.set(OPPORTUNITY.TITLE, spec.title())
			.set(OPPORTUNITY.MONETARY_VALUE, spec.amount())
			.set(OPPORTUNITY.AMOUNT_MANUAL, spec.amount() != null)
			.set(OPPORTUNITY.ACCOUNT_ID, spec.accountId())
			.set(OPPORTUNITY.PRIMARY_CONTACT_ID, spec.primaryContactId())
			.set(OPPORTUNITY.LEAD_ID, spec.leadId())
			.set(OPPORTUNITY.PROBABILITY, plans.probability())
			.set(OPPORTUNITY.EXPECTED_CLOSE_DATE, plans.expectedCloseDate())
			.set(OPPORTUNITY.NEXT_STEP, plans.nextStep())
			.set(OPPORTUNITY.OWNER_ID, ownerId)
			.set(OPPORTUNITY.CREATED_BY, createdBy)
			.set(OPPORTUNITY.STAGE_ENTERED_AT, now)
			.set(OPPORTUNITY.CREATED_AT, now)
			.set(OPPORTUNITY.UPDATED_AT, now)
			.execute();
	}

	/**
	 * The live opportunity with {@code id} of the tenant, locked for update, with what its amount follows;
	 * {@code null} when none (or deleted).
	 */
	@Nullable Locked lock(String tenantId, UUID id) {

		var row = dsl.select(OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.MONETARY_VALUE, OPPORTUNITY.AMOUNT_MANUAL,
				OPPORTUNITY.VERSION)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.and(OPPORTUNITY.DELETED_AT.isNull())
			.forUpdate()
			.fetchOne();
		if (row == null) {
			return null;
		}
		var items = items(tenantId, id);
		return new Locked(tenantId, id, row.value1(), row.value2(), row.value3(), row.value4(), items.count(),
				items.sum());
	}

	/** Sets the edited fields and the amount, a new version; {@code false} when {@code version} is not current. */
	boolean update(String tenantId, UUID id, int version, OpportunityEdit edit, @Nullable BigDecimal amount,
			boolean amountManual, OffsetDateTime now) {
		return dsl.update(OPPORTUNITY)
			.set(OPPORTUNITY.TITLE, edit.title())
			.set(OPPORTUNITY.ACCOUNT_ID, edit.accountId())
			.set(OPPORTUNITY.PRIMARY_CONTACT_ID, edit.primaryContactId())
			.set(OPPORTUNITY.MONETARY_VALUE, amount)
			.set(OPPORTUNITY.AMOUNT_MANUAL, amountManual)
			.set(OPPORTUNITY.PROBABILITY, edit.probability())
			.set(OPPORTUNITY.EXPECTED_CLOSE_DATE, edit.expectedCloseDate())
			.set(OPPORTUNITY.OWNER_ID, edit.ownerId())
			.set(OPPORTUNITY.NEXT_STEP, edit.nextStep())
			.set(OPPORTUNITY.VERSION, OPPORTUNITY.VERSION.plus(1))
			.set(OPPORTUNITY.UPDATED_AT, now)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.and(OPPORTUNITY.VERSION.eq(version))
			.execute() == 1;
	}

	/**
	 * After a line item changed: the amount follows the items' sum unless set by hand (an opportunity opened in Lazi
	 * without items has none; a derived one keeps its amount until the rules set it again), a new version.
	 *
	 * @return the opportunity's amount state now
	 */
	Locked itemsChanged(Locked opportunity, OffsetDateTime now) {

		var items = items(opportunity.tenantId(), opportunity.id());
		var amount = opportunity.amountManual() ? opportunity.amount()
				: items.count() > 0 ? items.sum() : opportunity.derived() ? opportunity.amount() : null;
		dsl.update(OPPORTUNITY)
			.set(OPPORTUNITY.MONETARY_VALUE, amount)
			.set(OPPORTUNITY.VERSION, OPPORTUNITY.VERSION.plus(1))
			.set(OPPORTUNITY.UPDATED_AT, now)
			.where(OPPORTUNITY.TENANT_ID.eq(opportunity.tenantId()))
			.and(OPPORTUNITY.ID.eq(opportunity.id()))
			.execute();
		return new Locked(opportunity.tenantId(), opportunity.id(), opportunity.stCustomerId(), amount,
				opportunity.amountManual(), opportunity.version() + 1, items.count(), items.sum());
	}

	/** Soft-deletes the opportunity, a new version; {@code false} when {@code version} is not current. */
	boolean delete(String tenantId, UUID id, int version, OffsetDateTime now) {
		return dsl.update(OPPORTUNITY)
			.set(OPPORTUNITY.DELETED_AT, now)
			.set(OPPORTUNITY.VERSION, OPPORTUNITY.VERSION.plus(1))
			.set(OPPORTUNITY.UPDATED_AT, now)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.and(OPPORTUNITY.VERSION.eq(version))
			.execute() == 1;
	}

	/** The opportunity's version now (after the pipeline may have changed it in this transaction). */
	int version(String tenantId, UUID id) {
		return dsl.select(OPPORTUNITY.VERSION)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.fetchSingle(OPPORTUNITY.VERSION);
	}

	private Items items(String tenantId, UUID id) {
		var row = dsl.select(count(), coalesce(sum(LINE_ITEM.TOTAL), BigDecimal.ZERO))
			.from(LINE_ITEM)
			.where(LINE_ITEM.TENANT_ID.eq(tenantId))
			.and(LINE_ITEM.OPPORTUNITY_ID.eq(id))
			.fetchSingle();
		return new Items(row.value1(), row.value2().setScale(2));
	}

	private record Items(int count, BigDecimal sum) {
	}

	/**
	 * An opportunity under its row lock.
	 *
	 * @param stCustomerId the ServiceTitan customer of a derived opportunity; {@code null} for one opened in Lazi
	 * @param amount its amount now
	 * @param items how many line items it has
	 * @param itemsTotal the sum of their totals, {@code 0.00} without items
	 */
	record Locked(String tenantId, UUID id, @Nullable Long stCustomerId, @Nullable BigDecimal amount,
			boolean amountManual, int version, int items, BigDecimal itemsTotal) {

		boolean derived() {
			return stCustomerId != null;
		}
	}
}
