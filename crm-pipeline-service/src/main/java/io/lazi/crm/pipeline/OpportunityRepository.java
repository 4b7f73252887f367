package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static io.lazi.crm.jooq.Tables.PIPELINE;
import static io.lazi.crm.jooq.Tables.STAGE;
import static io.lazi.crm.jooq.Tables.STAGE_HISTORY;
import static org.jooq.impl.DSL.val;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Tenant;

/**
 * Writes opportunities, their stage history and the per-tenant pipeline catalogue; locks customers
 * so that concurrent events about one customer derive one after the other.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpportunityRepository {

	private final DSLContext dsl;

	/** Takes a transaction-scoped advisory lock per customer, in a fixed order (no deadlocks). */
	void lockCustomers(String tenantId, Collection<Long> sortedCustomerIds) {
		lockCustomers(Map.of(tenantId, sortedCustomerIds));
	}

	/** Takes the transaction-level locks of the customers of several tenants in one statement, in one global order. */
	void lockCustomers(Map<String, ? extends Collection<Long>> customersByTenant) {

		var keys = customersByTenant.entrySet().stream()
			.flatMap(tenant -> tenant.getValue().stream().map(id -> lockKey(tenant.getKey(), id)))
			.sorted()
			.distinct()
			.toArray(Long[]::new);
		if (keys.length == 0) {
			return;
		}
		dsl.resultQuery("select count(pg_advisory_xact_lock(k)) from (select unnest(?::bigint[]) k order by k) s",
				(Object) keys)
			.fetch();
	}

	Map<Long, Opportunity> find(String tenantId, Collection<Long> customerIds) {
		return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.STAGE, OPPORTUNITY.TITLE,
				OPPORTUNITY.MONETARY_VALUE, OPPORTUNITY.ST_JOB_ID, OPPORTUNITY.ST_ESTIMATE_ID)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ST_CUSTOMER_ID.in(customerIds))
			.fetchMap(OPPORTUNITY.ST_CUSTOMER_ID, r -> new Opportunity(r.value1(), r.value2(), Stage.valueOf(r.value3()),
					r.value4(), r.value5(), r.value6(), r.value7()));
	}

	/** Seeds the tenant's pipelines and stages (idempotent). */
	void seedCatalogue(String tenantId) {

		var queries = new ArrayList<Query>();
		for (var pipeline : Pipeline.values()) {
			queries.add(dsl.insertInto(PIPELINE, PIPELINE.TENANT_ID, PIPELINE.KEY, PIPELINE.NAME, PIPELINE.POSITION)
				.values(tenantId, pipeline.name(), pipeline.displayName(), pipeline.ordinal())
				.onConflictDoNothing());
		}
		for (var stage : Stage.values()) {
			queries.add(dsl.insertInto(STAGE, STAGE.TENANT_ID, STAGE.PIPELINE, STAGE.KEY, STAGE.NAME, STAGE.POSITION,
					STAGE.MANUAL, STAGE.PROTECTED)
				.values(tenantId, stage.pipeline().name(), stage.name(), stage.displayName(), stage.position(),
						stage.manual(), stage.isProtected())
				.onConflictDoNothing());
		}
		dsl.batch(queries).execute();
	}

	/** Inserts new opportunities and updates changed ones, in two batches. */
	void save(String tenantId, List<Change> changes, OffsetDateTime now) {

		var queries = new ArrayList<Query>();
		for (var change : changes) {
			var d = change.derived();
			var stageEntered = change.moved() ? val(now) : OPPORTUNITY.STAGE_ENTERED_AT;
			if (change.created()) {
				queries.add(dsl.insertInto(OPPORTUNITY, OPPORTUNITY.TENANT_ID, OPPORTUNITY.ID,
						OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.PIPELINE, OPPORTUNITY.STAGE, OPPORTUNITY.STATUS,
						OPPORTUNITY.TITLE, OPPORTUNITY.MONETARY_VALUE, OPPORTUNITY.ST_JOB_ID, OPPORTUNITY.ST_ESTIMATE_ID,
						OPPORTUNITY.STAGE_ENTERED_AT, OPPORTUNITY.CREATED_AT, OPPORTUNITY.UPDATED_AT)
					.values(tenantId, change.id(), change.stCustomerId(), d.stage().pipeline().name(), d.stage().name(),
							d.stage().status().wire(), d.title(), d.monetaryValue(), d.stJobId(), d.stEstimateId(), now,
							now, now));
			}
			else {
				queries.add(dsl.update(OPPORTUNITY)
					.set(OPPORTUNITY.PIPELINE, d.stage().pipeline().name())
					.set(OPPORTUNITY.STAGE, d.stage().name())
					.set(OPPORTUNITY.STATUS, d.stage().status().wire())
					.set(OPPORTUNITY.TITLE, d.title())
					.set(OPPORTUNITY.MONETARY_VALUE, d.monetaryValue())
					.set(OPPORTUNITY.ST_JOB_ID, d.stJobId())
					.set(OPPORTUNITY.ST_ESTIMATE_ID, d.stEstimateId())
					.set(OPPORTUNITY.STAGE_ENTERED_AT, stageEntered)
					.set(OPPORTUNITY.UPDATED_AT, now)
					.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
					.and(OPPORTUNITY.ID.eq(change.id())));
			}
		}
		if (!queries.isEmpty()) {
			dsl.batch(queries).execute();
		}
	}

	/** Appends one history row per move. */
	void appendHistory(String tenantId, List<StageMove> moves) {

		if (moves.isEmpty()) {
			return;
		}
		var insert = dsl.insertInto(STAGE_HISTORY, STAGE_HISTORY.TENANT_ID, STAGE_HISTORY.OPPORTUNITY_ID,
				STAGE_HISTORY.FROM_PIPELINE, STAGE_HISTORY.FROM_STAGE, STAGE_HISTORY.TO_PIPELINE, STAGE_HISTORY.TO_STAGE,
				STAGE_HISTORY.REASON, STAGE_HISTORY.TRIGGER_TYPE, STAGE_HISTORY.TRIGGER_ID, STAGE_HISTORY.MOVED_AT);
		for (var m : moves) {
			insert = insert.values(tenantId, m.opportunityId(), m.from() == null ? null : m.from().pipeline().name(),
					m.from() == null ? null : m.from().name(), m.to().pipeline().name(), m.to().name(), m.reason(),
					m.trigger().type(), m.trigger().id(), m.movedAt());
		}
		insert.execute();
	}

	/** The opportunity with {@code id} of the tenant, locked for update; {@code null} when none. */
	@Nullable Opportunity lock(Tenant tenant, UUID id) {
		return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.STAGE, OPPORTUNITY.TITLE,
				OPPORTUNITY.MONETARY_VALUE, OPPORTUNITY.ST_JOB_ID, OPPORTUNITY.ST_ESTIMATE_ID)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenant.id()))
			.and(OPPORTUNITY.ID.eq(id))
			.forUpdate()
			.fetchOne(r -> new Opportunity(r.value1(), r.value2(), Stage.valueOf(r.value3()), r.value4(), r.value5(),
					r.value6(), r.value7()));
	}

	/** The opportunity id of a customer: derived from tenant and customer, so replays keep it. */
	static UUID opportunityId(String tenantId, long stCustomerId) {
		return UUID.nameUUIDFromBytes(("opportunity:" + tenantId + ":" + stCustomerId).getBytes(StandardCharsets.UTF_8));
	}

	private static long lockKey(String tenantId, long customerId) {
		return tenantId.hashCode() * 0x9E3779B97F4A7C15L ^ customerId;
	}

	/** One opportunity write: {@code created} inserts, otherwise updates; {@code moved} when the stage changed. */
	record Change(UUID id, long stCustomerId, Derived derived, boolean created, boolean moved) {
	}
}
