package io.lazi.crm.sync;

import static io.lazi.crm.jooq.Tables.SYNC_LOG;
import static io.lazi.crm.jooq.Tables.SYNC_TALLY;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.val;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Tenant;

/** The {@code sync_log} rows; a run's counts come from its {@code sync_tally} when it finishes. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncLogRepository {

	private final DSLContext dsl;

	/** Records a run this service asked st-ingest for; a completion that came first is kept. */
	void requested(Tenant tenant, UUID syncRunId, String syncType, Instant at) {
		dsl.insertInto(SYNC_LOG, SYNC_LOG.TENANT_ID, SYNC_LOG.SYNC_RUN_ID, SYNC_LOG.SYNC_TYPE, SYNC_LOG.DIRECTION,
				SYNC_LOG.STATUS, SYNC_LOG.STARTED_AT)
			.values(tenant.id(), syncRunId, syncType, "inbound", "requested", at.atOffset(ZoneOffset.UTC))
			.onConflictDoNothing()
			.execute();
	}

	/**
	 * Finishes a run: status, duration and the counts applied so far.
	 *
	 * @param published records st-ingest published for the run, or {@code null} when unknown
	 */
	void finish(String tenantId, UUID syncRunId, String syncType, String status, Instant startedAt,
			Instant finishedAt, long durationMs, @Nullable Integer published, @Nullable String error) {

		dsl.insertInto(SYNC_LOG, SYNC_LOG.TENANT_ID, SYNC_LOG.SYNC_RUN_ID, SYNC_LOG.SYNC_TYPE, SYNC_LOG.DIRECTION,
				SYNC_LOG.STATUS, SYNC_LOG.DURATION_MS, SYNC_LOG.ERROR, SYNC_LOG.STARTED_AT, SYNC_LOG.FINISHED_AT)
			.values(tenantId, syncRunId, syncType, "inbound", status, durationMs, error,
					startedAt.atOffset(ZoneOffset.UTC), finishedAt.atOffset(ZoneOffset.UTC))
			.onConflict(SYNC_LOG.TENANT_ID, SYNC_LOG.SYNC_RUN_ID)
			.doUpdate()
			.set(SYNC_LOG.SYNC_TYPE, excluded(SYNC_LOG.SYNC_TYPE))
			.set(SYNC_LOG.STATUS, excluded(SYNC_LOG.STATUS))
			.set(SYNC_LOG.DURATION_MS, excluded(SYNC_LOG.DURATION_MS))
			.set(SYNC_LOG.ERROR, excluded(SYNC_LOG.ERROR))
			.set(SYNC_LOG.STARTED_AT, excluded(SYNC_LOG.STARTED_AT))
			.set(SYNC_LOG.FINISHED_AT, excluded(SYNC_LOG.FINISHED_AT))
			.execute();
		var counts = dsl.select(SYNC_TALLY.RECORDS, SYNC_TALLY.CREATED, SYNC_TALLY.MOVED)
			.from(SYNC_TALLY)
			.where(SYNC_TALLY.TENANT_ID.eq(tenantId))
			.and(SYNC_TALLY.SYNC_RUN_ID.eq(syncRunId))
			.fetchOptional();
		int applied = counts.map(r -> r.value1()).orElse(0);
		int madeNew = counts.map(r -> r.value2()).orElse(0);
		int moved = counts.map(r -> r.value3()).orElse(0);
		dsl.update(SYNC_LOG)
			.set(SYNC_LOG.RECORDS, applied)
			.set(SYNC_LOG.CREATED, madeNew)
			.set(SYNC_LOG.UPDATED, moved - madeNew)
			.set(SYNC_LOG.FAILED, published == null ? val(0) : greatest(val(published - applied), val(0)))
			.where(SYNC_LOG.TENANT_ID.eq(tenantId))
			.and(SYNC_LOG.SYNC_RUN_ID.eq(syncRunId))
			.execute();
	}

	/**
	 * The newest runs. Raw records travel on other topics than the completion, so some are applied
	 * after the run was logged as finished: counts come from the live tally, and {@code failed}
	 * (published at completion minus applied) shrinks as the rest arrive.
	 */
	List<SyncLogEntry> recent(Tenant tenant, int limit) {

		var applied = coalesce(SYNC_TALLY.RECORDS, SYNC_LOG.RECORDS);
		var created = coalesce(SYNC_TALLY.CREATED, SYNC_LOG.CREATED);
		var updated = coalesce(SYNC_TALLY.MOVED.minus(SYNC_TALLY.CREATED), SYNC_LOG.UPDATED);
		var published = SYNC_LOG.FAILED.plus(SYNC_LOG.RECORDS);
		return dsl.select(SYNC_LOG.SYNC_RUN_ID, SYNC_LOG.SYNC_TYPE, SYNC_LOG.DIRECTION, SYNC_LOG.STATUS, applied,
				created, updated, greatest(published.minus(applied), val(0)), SYNC_LOG.DURATION_MS, SYNC_LOG.ERROR,
				SYNC_LOG.STARTED_AT, SYNC_LOG.FINISHED_AT)
			.from(SYNC_LOG)
			.leftJoin(SYNC_TALLY)
			.on(SYNC_TALLY.TENANT_ID.eq(SYNC_LOG.TENANT_ID).and(SYNC_TALLY.SYNC_RUN_ID.eq(SYNC_LOG.SYNC_RUN_ID)))
			.where(SYNC_LOG.TENANT_ID.eq(tenant.id()))
			.orderBy(SYNC_LOG.STARTED_AT.desc())
			.limit(limit)
			.fetch(r -> new SyncLogEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7(), r.value8(), r.value9(), r.value10(), r.value11().toInstant(),
					r.value12() == null ? null : r.value12().toInstant()));
	}
}
