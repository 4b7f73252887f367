package io.lazi.stingest.sync.persistence;

import static io.lazi.stingest.jooq.Tables.SYNC_RUN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.jooq.tables.records.SyncRunRecord;
import io.lazi.stingest.sync.SyncRun;
import io.lazi.stingest.sync.SyncTrigger;

/** Sync runs of each resource per tenant ({@code sync_run}); every read filters by tenant. */
@Repository
public class SyncRunRepository {

	private final DSLContext db;

	SyncRunRepository(DSLContext db) {
		this.db = db;
	}

	/**
	 * Inserts a running run unless the tenant already has one running for the resource.
	 *
	 * @return whether it was inserted
	 */
	public boolean insertIfNoneRunning(SyncRun run) {
		return db.insertInto(SYNC_RUN)
			.set(SYNC_RUN.ID, run.id())
			.set(SYNC_RUN.TENANT_ID, run.tenantId())
			.set(SYNC_RUN.RESOURCE, run.resource())
			.set(SYNC_RUN.SYNC_TYPE, run.syncType().name())
			.set(SYNC_RUN.STATUS, run.status().name())
			.set(SYNC_RUN.TRIGGER, run.trigger().name())
			.set(SYNC_RUN.STARTED_AT, utc(run.startedAt()))
			.onConflictDoNothing()
			.execute() == 1;
	}

	/** Stores the end state (status, finish time, duration, counts, error) of a run. */
	public void finish(SyncRun run) {
		db.update(SYNC_RUN)
			.set(SYNC_RUN.STATUS, run.status().name())
			.set(SYNC_RUN.FINISHED_AT, run.finishedAt() == null ? null : utc(run.finishedAt()))
			.set(SYNC_RUN.DURATION_MS, run.durationMs())
			.set(SYNC_RUN.ROOT_COUNT, run.rootCount())
			.set(SYNC_RUN.SUBCATEGORY_COUNT, run.subcategoryCount())
			.set(SYNC_RUN.IMAGES_FETCHED, run.imagesFetched())
			.set(SYNC_RUN.ST_CALLS, run.stCalls())
			.set(SYNC_RUN.RATE_LIMITED, run.rateLimited())
			.set(SYNC_RUN.ERROR, run.error())
			.where(SYNC_RUN.TENANT_ID.eq(run.tenantId()), SYNC_RUN.ID.eq(run.id()))
			.execute();
	}

	/** Runs of every tenant still marked running, e.g. left behind by a crash. */
	public List<SyncRun> allRunning() {
		return db.selectFrom(SYNC_RUN).where(SYNC_RUN.STATUS.eq(SyncStatus.RUNNING.name())).fetch(SyncRunRepository::toRun);
	}

	/** One run of the tenant and resource; another tenant's or resource's run is absent. */
	public Optional<SyncRun> find(Tenant tenant, String resource, UUID id) {
		return db.selectFrom(SYNC_RUN)
			.where(SYNC_RUN.TENANT_ID.eq(tenant.id()), SYNC_RUN.RESOURCE.eq(resource), SYNC_RUN.ID.eq(id))
			.fetchOptional(SyncRunRepository::toRun);
	}

	public Optional<SyncRun> running(Tenant tenant, String resource) {
		return latest(tenant, resource, SyncStatus.RUNNING);
	}

	/** The newest run with {@code status}, or the newest of any status when {@code status} is null. */
	public Optional<SyncRun> latest(Tenant tenant, String resource, @Nullable SyncStatus status) {
		return db.selectFrom(SYNC_RUN)
			.where(SYNC_RUN.TENANT_ID.eq(tenant.id()), SYNC_RUN.RESOURCE.eq(resource))
			.and(status == null ? DSL.noCondition() : SYNC_RUN.STATUS.eq(status.name()))
			.orderBy(SYNC_RUN.STARTED_AT.desc(), SYNC_RUN.ID.desc())
			.limit(1)
			.fetchOptional(SyncRunRepository::toRun);
	}

	/** One page of the tenant's runs of the resource, newest first. */
	public List<SyncRun> page(Tenant tenant, String resource, PageRequest page) {
		return db.selectFrom(SYNC_RUN)
			.where(SYNC_RUN.TENANT_ID.eq(tenant.id()), SYNC_RUN.RESOURCE.eq(resource))
			.orderBy(SYNC_RUN.STARTED_AT.desc(), SYNC_RUN.ID.desc())
			.limit(page.size())
			.offset(page.offset())
			.fetch(SyncRunRepository::toRun);
	}

	public int count(Tenant tenant, String resource) {
		return db.fetchCount(SYNC_RUN, SYNC_RUN.TENANT_ID.eq(tenant.id()), SYNC_RUN.RESOURCE.eq(resource));
	}

	private static SyncRun toRun(SyncRunRecord r) {
		return new SyncRun(r.getId(), r.getTenantId(), r.getResource(), SyncType.valueOf(r.getSyncType()),
				SyncStatus.valueOf(r.getStatus()), SyncTrigger.valueOf(r.getTrigger()), r.getStartedAt().toInstant(),
				r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(), r.getDurationMs(), r.getRootCount(),
				r.getSubcategoryCount(), r.getImagesFetched(), r.getStCalls(), r.getRateLimited(), r.getError());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
