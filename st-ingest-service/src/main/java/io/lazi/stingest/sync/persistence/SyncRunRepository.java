package io.lazi.stingest.sync.persistence;

import static io.lazi.stingest.jooq.Tables.SYNC_RUN;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.jooq.tables.records.SyncRunRecord;
import io.lazi.stingest.sync.ExpiredRun;
import io.lazi.stingest.sync.SyncRun;
import io.lazi.stingest.sync.SyncTrigger;

/**
 * Sync runs of each resource per tenant ({@code sync_run}) with the instance that owns each running one and
 * its lease; every read of the API filters by tenant (the lease sweep alone reads across tenants).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SyncRunRepository {

	private final DSLContext db;

	/**
	 * Inserts a running run owned by {@code owner}, its lease ending {@code lease} from now by the database's
	 * clock, unless the tenant already has one running for the resource (on any instance).
	 *
	 * @param takesOver the run this one restarts after taking it over, or null
	 * @param lostOwners instances lost without a hand-over in the lineage of a restart, else 0
	 * @return whether it was inserted
	 */
	public boolean insertIfNoneRunning(SyncRun run, String owner, Duration lease, @Nullable UUID takesOver,
			int lostOwners) {
		return db.insertInto(SYNC_RUN)
			.set(SYNC_RUN.ID, run.id())
			.set(SYNC_RUN.TENANT_ID, run.tenantId())
			.set(SYNC_RUN.RESOURCE, run.resource())
			.set(SYNC_RUN.SYNC_TYPE, run.syncType().name())
			.set(SYNC_RUN.STATUS, run.status().name())
			.set(SYNC_RUN.TRIGGER, run.trigger().name())
			.set(SYNC_RUN.STARTED_AT, utc(run.startedAt()))
			.set(SYNC_RUN.OWNER, owner)
			.set(SYNC_RUN.LEASE_EXPIRES_AT, dbNowPlus(lease))
			.set(SYNC_RUN.TAKES_OVER, takesOver)
			.set(SYNC_RUN.LOST_OWNERS, lostOwners)
			.onConflictDoNothing()
			.execute() == 1;
	}

	/**
	 * Stores the end state (status, finish time, duration, counts, error) of a run that is still running and
	 * still {@code owner}'s.
	 *
	 * @return false when it is not: another instance took it over, and it stays as that one left it
	 */
	public boolean finish(SyncRun run, String owner) {
		return update(run).and(SYNC_RUN.OWNER.eq(owner)).execute() == 1;
	}

	/**
	 * Stores the end state of a run taken over (as for {@link #finish}) if it is still running with an expired
	 * lease.
	 *
	 * @return false when its owner renewed or ended it meanwhile
	 */
	public boolean finishExpired(SyncRun run) {
		return update(run).and(leaseExpired()).execute() == 1;
	}

	/**
	 * Extends by {@code lease} from now the leases of those of {@code ids} that are still running, owned by
	 * {@code owner} and not handed over, in one statement.
	 *
	 * @return the ids renewed
	 */
	public Set<UUID> renewLeases(String owner, Collection<UUID> ids, Duration lease) {
		return db.update(SYNC_RUN)
			.set(SYNC_RUN.LEASE_EXPIRES_AT, dbNowPlus(lease))
			.where(SYNC_RUN.ID.in(ids), SYNC_RUN.OWNER.eq(owner), isRunning(), SYNC_RUN.HANDED_OVER.isFalse())
			.returning(SYNC_RUN.ID)
			.fetchSet(SYNC_RUN.ID);
	}

	/**
	 * Marks a running run of {@code owner} handed over, its lease expired now.
	 *
	 * @return whether it was still running and {@code owner}'s
	 */
	public boolean handOver(String owner, UUID id) {
		return db.update(SYNC_RUN)
			.set(SYNC_RUN.HANDED_OVER, true)
			.set(SYNC_RUN.LEASE_EXPIRES_AT, currentOffsetDateTime())
			.where(SYNC_RUN.ID.eq(id), SYNC_RUN.OWNER.eq(owner), isRunning())
			.execute() == 1;
	}

	/**
	 * Runs of every tenant still running whose lease has expired (or that have none: started by an instance
	 * of an earlier version), oldest first, each locked until the transaction ends; rows another transaction
	 * has locked (another instance taking them over, or an owner renewing) are skipped. Call it in a
	 * transaction.
	 */
	public List<ExpiredRun> lockExpired(int limit) {
		return db.selectFrom(SYNC_RUN)
			.where(isRunning(), leaseExpired())
			.orderBy(SYNC_RUN.STARTED_AT)
			.limit(limit)
			.forUpdate()
			.skipLocked()
			.fetch(r -> new ExpiredRun(toRun(r), r.getOwner(),
					r.getLeaseExpiresAt() == null ? null : r.getLeaseExpiresAt().toInstant(), r.getHandedOver(),
					r.getLostOwners()));
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
				r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(), r.getDurationMs(), r.getRecordsPublishedMs(),
				r.getRootCount(),
				r.getSubcategoryCount(), r.getImagesFetched(), r.getStCalls(), r.getRateLimited(), r.getError());
	}

	private UpdateConditionStep<SyncRunRecord> update(SyncRun run) {
		return db.update(SYNC_RUN)
			.set(SYNC_RUN.STATUS, run.status().name())
			.set(SYNC_RUN.FINISHED_AT, run.finishedAt() == null ? null : utc(run.finishedAt()))
			.set(SYNC_RUN.DURATION_MS, run.durationMs())
			.set(SYNC_RUN.RECORDS_PUBLISHED_MS, run.recordsPublishedMs())
			.set(SYNC_RUN.ROOT_COUNT, run.rootCount())
			.set(SYNC_RUN.SUBCATEGORY_COUNT, run.subcategoryCount())
			.set(SYNC_RUN.IMAGES_FETCHED, run.imagesFetched())
			.set(SYNC_RUN.ST_CALLS, run.stCalls())
			.set(SYNC_RUN.RATE_LIMITED, run.rateLimited())
			.set(SYNC_RUN.ERROR, run.error())
			.where(SYNC_RUN.TENANT_ID.eq(run.tenantId()), SYNC_RUN.ID.eq(run.id()), isRunning());
	}

	private static Condition isRunning() {
		return SYNC_RUN.STATUS.eq(SyncStatus.RUNNING.name());
	}

	/** By the database's clock, which every instance shares. */
	private static Condition leaseExpired() {
		return SYNC_RUN.LEASE_EXPIRES_AT.isNull().or(SYNC_RUN.LEASE_EXPIRES_AT.lt(currentOffsetDateTime()));
	}

	/** The database's time now plus {@code duration}. */
	private static Field<OffsetDateTime> dbNowPlus(Duration duration) {
		return DSL.field("current_timestamp + {0} * interval '1 millisecond'", SQLDataType.TIMESTAMPWITHTIMEZONE,
				DSL.val(duration.toMillis()));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
