package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.LINE_ITEM;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static io.lazi.crm.jooq.Tables.PIPELINE;
import static io.lazi.crm.jooq.Tables.STAGE;
import static io.lazi.crm.jooq.Tables.STAGE_HISTORY;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectOne;

import java.math.BigDecimal;
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
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record8;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Writes opportunities (the derived ones' rule-owned columns, and the stage of the ones opened in Lazi), their stage
 * history and the per-tenant pipeline catalogue; locks customers so that concurrent events about one customer derive
 * one after the other.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpportunityRepository {

	/**
	 * New rows are inserted, existing ones updated (the engine holds their customers' locks). A new opportunity
	 * belongs to its customer's account when there is one (the account module stores accounts before the
	 * re-derivation, in the same transaction). An amount a user set by hand, or one that follows the opportunity's
	 * line items, stays. Every update is a new version of the record (its ETag).
	 */
	private static final String SAVE = """
			insert into opportunity as o (tenant_id, id, st_customer_id, account_id, pipeline, stage, status, title,
				monetary_value, st_job_id, st_estimate_id, stage_entered_at, created_at, updated_at)
			select t.tenant_id, u.id, u.st_customer_id, a.id, u.pipeline, u.stage, u.status, u.title, u.monetary_value,
				u.st_job_id, u.st_estimate_id, t.now, t.now, t.now
			from (select ?::text tenant_id, ?::timestamptz now) t
			cross join unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
					?::bigint[], ?::bigint[]) as u(id, st_customer_id, pipeline, stage, status, title, monetary_value,
					st_job_id, st_estimate_id)
			left join account a on a.tenant_id = t.tenant_id and a.st_customer_id = u.st_customer_id
				and a.deleted_at is null
			on conflict (tenant_id, id) do update set
				pipeline = excluded.pipeline, stage = excluded.stage, status = excluded.status, title = excluded.title,
				monetary_value = case when o.amount_manual or exists (select 1 from line_item li
						where li.tenant_id = o.tenant_id and li.opportunity_id = o.id)
					then o.monetary_value else excluded.monetary_value end,
				st_job_id = excluded.st_job_id,
				st_estimate_id = excluded.st_estimate_id,
				stage_entered_at = case when (o.pipeline, o.stage) is distinct from (excluded.pipeline, excluded.stage)
					then excluded.stage_entered_at else o.stage_entered_at end,
				version = o.version + 1,
				updated_at = excluded.updated_at""";

	/** History rows in the order of the arrays, so that {@code seq} follows the moves. */
	private static final String APPEND_HISTORY = """
			insert into stage_history (tenant_id, opportunity_id, from_pipeline, from_stage, to_pipeline, to_stage,
				reason, trigger_type, trigger_id, moved_at)
			select ?, u.opportunity_id, u.from_pipeline, u.from_stage, u.to_pipeline, u.to_stage, u.reason,
				u.trigger_type, u.trigger_id, u.moved_at
			from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				?::timestamptz[]) with ordinality as u(opportunity_id, from_pipeline, from_stage, to_pipeline, to_stage,
				reason, trigger_type, trigger_id, moved_at, n)
			order by u.n""";

	/** The rules leave the amount alone: set by hand, or following the opportunity's line items. */
	private static final Field<Boolean> AMOUNT_HELD = field(OPPORTUNITY.AMOUNT_MANUAL.isTrue()
		.or(exists(selectOne().from(LINE_ITEM)
			.where(LINE_ITEM.TENANT_ID.eq(OPPORTUNITY.TENANT_ID))
			.and(LINE_ITEM.OPPORTUNITY_ID.eq(OPPORTUNITY.ID))))).as("amount_held");

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

	/** The derived opportunities of the customers, by customer. */
	Map<Long, Opportunity> find(String tenantId, Collection<Long> customerIds) {

		var wanted = IdTable.of("wanted", customerIds);
		return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.STAGE, OPPORTUNITY.TITLE,
				OPPORTUNITY.MONETARY_VALUE, OPPORTUNITY.ST_JOB_ID, OPPORTUNITY.ST_ESTIMATE_ID, AMOUNT_HELD)
			.from(wanted.table())
			.join(OPPORTUNITY)
			.on(OPPORTUNITY.TENANT_ID.eq(tenantId).and(OPPORTUNITY.ST_CUSTOMER_ID.eq(wanted.id())))
			.fetchMap(OPPORTUNITY.ST_CUSTOMER_ID, OpportunityRepository::opportunity);
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

	/**
	 * Inserts new opportunities and updates changed ones in one statement, a column per array, so that its cost
	 * hardly grows with the number of rows; an opportunity's {@code stage_entered_at} moves only with its stage.
	 */
	void save(String tenantId, List<Change> changes, OffsetDateTime now) {

		if (changes.isEmpty()) {
			return;
		}
		var size = changes.size();
		var ids = new UUID[size];
		var customers = new Long[size];
		var pipelines = new String[size];
		var stages = new String[size];
		var statuses = new String[size];
		var titles = new String[size];
		var values = new BigDecimal[size];
		var jobs = new Long[size];
		var estimates = new Long[size];
		for (var i = 0; i < size; i++) {
			var change = changes.get(i);
			var d = change.derived();
			ids[i] = change.id();
			customers[i] = change.stCustomerId();
			pipelines[i] = d.stage().pipeline().name();
			stages[i] = d.stage().name();
			statuses[i] = d.stage().status().wire();
			titles[i] = d.title();
			values[i] = d.monetaryValue();
			jobs[i] = d.stJobId();
			estimates[i] = d.stEstimateId();
		}
		dsl.execute(SAVE, tenantId, now, ids, customers, pipelines, stages, statuses, titles, values, jobs, estimates);
	}

	/** Appends one history row per move, in one statement. */
	void appendHistory(String tenantId, List<StageMove> moves) {

		if (moves.isEmpty()) {
			return;
		}
		var size = moves.size();
		var opportunities = new UUID[size];
		var fromPipelines = new String[size];
		var fromStages = new String[size];
		var toPipelines = new String[size];
		var toStages = new String[size];
		var reasons = new String[size];
		var triggerTypes = new String[size];
		var triggerIds = new String[size];
		var movedAt = new OffsetDateTime[size];
		for (var i = 0; i < size; i++) {
			var m = moves.get(i);
			opportunities[i] = m.opportunityId();
			fromPipelines[i] = m.from() == null ? null : m.from().pipeline().name();
			fromStages[i] = m.from() == null ? null : m.from().name();
			toPipelines[i] = m.to().pipeline().name();
			toStages[i] = m.to().name();
			reasons[i] = m.reason();
			triggerTypes[i] = m.trigger().type();
			triggerIds[i] = m.trigger().id();
			movedAt[i] = m.movedAt();
		}
		dsl.execute(APPEND_HISTORY, tenantId, opportunities, fromPipelines, fromStages, toPipelines, toStages, reasons,
				triggerTypes, triggerIds, movedAt);
	}

	/** The live (not deleted) opportunity with {@code id} of the tenant, locked for update; {@code null} when none. */
	@Nullable Opportunity lock(String tenantId, UUID id) {
		return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.STAGE, OPPORTUNITY.TITLE,
				OPPORTUNITY.MONETARY_VALUE, OPPORTUNITY.ST_JOB_ID, OPPORTUNITY.ST_ESTIMATE_ID, AMOUNT_HELD)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.and(OPPORTUNITY.DELETED_AT.isNull())
			.forUpdate()
			.of(OPPORTUNITY)
			.fetchOne(OpportunityRepository::opportunity);
	}

	/**
	 * Moves an opportunity opened in Lazi to {@code to} (the rules never write those): stage, its status, the time
	 * it entered it, a new version.
	 */
	void moveManual(String tenantId, UUID id, Stage to, OffsetDateTime now) {
		dsl.update(OPPORTUNITY)
			.set(OPPORTUNITY.PIPELINE, to.pipeline().name())
			.set(OPPORTUNITY.STAGE, to.name())
			.set(OPPORTUNITY.STATUS, to.status().wire())
			.set(OPPORTUNITY.STAGE_ENTERED_AT, now)
			.set(OPPORTUNITY.VERSION, OPPORTUNITY.VERSION.plus(1))
			.set(OPPORTUNITY.UPDATED_AT, now)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.eq(id))
			.and(OPPORTUNITY.ST_CUSTOMER_ID.isNull())
			.execute();
	}

	/** What {@code crm.opportunity-won}/{@code -lost} tell of the opportunities, as stored now, by id. */
	Map<UUID, Closing> closing(String tenantId, Collection<UUID> ids) {
		return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.TITLE, OPPORTUNITY.MONETARY_VALUE, OPPORTUNITY.ACCOUNT_ID,
				OPPORTUNITY.ST_CUSTOMER_ID, OPPORTUNITY.ST_ESTIMATE_ID)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenantId))
			.and(OPPORTUNITY.ID.in(ids))
			.fetchMap(OPPORTUNITY.ID, r -> new Closing(r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
	}

	private static Opportunity opportunity(Record8<UUID, Long, String, String, BigDecimal, Long, Long, Boolean> r) {
		return new Opportunity(r.value1(), r.value2(), Stage.valueOf(r.value3()), r.value4(), r.value5(), r.value6(),
				r.value7(), r.value8());
	}

	/** The opportunity id of a customer: derived from tenant and customer, so replays keep it. */
	static UUID opportunityId(String tenantId, long stCustomerId) {
		return UUID.nameUUIDFromBytes(("opportunity:" + tenantId + ":" + stCustomerId).getBytes(StandardCharsets.UTF_8));
	}

	private static long lockKey(String tenantId, long customerId) {
		return tenantId.hashCode() * 0x9E3779B97F4A7C15L ^ customerId;
	}

	/**
	 * One write of a derived opportunity: {@code created} inserts, otherwise updates; {@code moved} when the stage
	 * changed.
	 */
	record Change(UUID id, long stCustomerId, Derived derived, boolean created, boolean moved) {
	}

	/** An opportunity's title, amount and links, as a won/lost event tells them. */
	record Closing(String title, @Nullable BigDecimal amount, @Nullable UUID accountId, @Nullable Long stCustomerId,
			@Nullable Long stEstimateId) {
	}
}
