package io.lazi.pricebook.category.sync.internal;

import static io.lazi.pricebook.jooq.Tables.SYNC_APPLIED_ROOT;
import static io.lazi.pricebook.jooq.Tables.SYNC_APPLY;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.row;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.SyncType;
import io.lazi.pricebook.listing.Timestamps;
import io.lazi.pricebook.listing.Upserts;

/**
 * The {@code sync_apply} progress rows. Each write is an upsert that locks the run's row until the
 * transaction ends and returns the row as committed by everyone before, so concurrent root and
 * completion transactions see each other's effects and exactly one of them finds the run ready.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncRunRepository {

	private static final SelectField<SyncRun> RUN = row(SYNC_APPLY.TENANT_ID, SYNC_APPLY.SYNC_RUN_ID,
			SYNC_APPLY.ROOTS_APPLIED,
			row(SYNC_APPLY.CREATED, SYNC_APPLY.UPDATED, SYNC_APPLY.DEACTIVATED).mapping(ChangeTally::new),
			SYNC_APPLY.EXPECTED_ROOTS, SYNC_APPLY.ROOT_ST_IDS.convertFrom(SyncRunRepository::list),
			SYNC_APPLY.COMPLETED_AT.convertFrom(Timestamps::instant), SYNC_APPLY.SYNCED_PUBLISHED)
		.mapping(SyncRun::new);

	private final DSLContext dsl;

	/** Remembers that {@code rootStId} was applied for the run; {@code true} the first time. */
	boolean recordRoot(String tenantId, UUID syncRunId, long rootStId) {
		return dsl.insertInto(SYNC_APPLIED_ROOT, SYNC_APPLIED_ROOT.TENANT_ID, SYNC_APPLIED_ROOT.SYNC_RUN_ID,
				SYNC_APPLIED_ROOT.ROOT_ST_ID)
			.values(tenantId, syncRunId, rootStId)
			.onConflictDoNothing()
			.execute() == 1;
	}

	/** Adds an applied root (when {@code newRoot}) and its changes to the run. */
	SyncRun addRoot(String tenantId, UUID syncRunId, boolean newRoot, ChangeTally tally, OffsetDateTime now) {
		return dsl.insertInto(SYNC_APPLY, SYNC_APPLY.TENANT_ID, SYNC_APPLY.SYNC_RUN_ID, SYNC_APPLY.ROOTS_APPLIED,
				SYNC_APPLY.CREATED, SYNC_APPLY.UPDATED, SYNC_APPLY.DEACTIVATED, SYNC_APPLY.UPDATED_AT)
			.values(tenantId, syncRunId, newRoot ? 1 : 0, tally.created(), tally.updated(), tally.deactivated(), now)
			.onConflict(SYNC_APPLY.TENANT_ID, SYNC_APPLY.SYNC_RUN_ID)
			.doUpdate()
			.set(SYNC_APPLY.ROOTS_APPLIED, SYNC_APPLY.ROOTS_APPLIED.plus(excluded(SYNC_APPLY.ROOTS_APPLIED)))
			.set(SYNC_APPLY.CREATED, SYNC_APPLY.CREATED.plus(excluded(SYNC_APPLY.CREATED)))
			.set(SYNC_APPLY.UPDATED, SYNC_APPLY.UPDATED.plus(excluded(SYNC_APPLY.UPDATED)))
			.set(SYNC_APPLY.DEACTIVATED, SYNC_APPLY.DEACTIVATED.plus(excluded(SYNC_APPLY.DEACTIVATED)))
			.set(SYNC_APPLY.UPDATED_AT, excluded(SYNC_APPLY.UPDATED_AT))
			.returningResult(RUN)
			.fetchSingle(Record1::value1);
	}

	/** Records the run's completion: how many roots it published and, for a full run, which roots exist. */
	SyncRun complete(String tenantId, UUID syncRunId, SyncType syncType, int expectedRoots,
			@Nullable List<Long> rootStIds, OffsetDateTime now) {
		return dsl.insertInto(SYNC_APPLY, SYNC_APPLY.TENANT_ID, SYNC_APPLY.SYNC_RUN_ID, SYNC_APPLY.SYNC_TYPE,
				SYNC_APPLY.EXPECTED_ROOTS, SYNC_APPLY.ROOT_ST_IDS, SYNC_APPLY.COMPLETED_AT, SYNC_APPLY.UPDATED_AT)
			.values(tenantId, syncRunId, syncType.name(), expectedRoots,
					rootStIds == null ? null : rootStIds.toArray(Long[]::new), now, now)
			.onConflict(SYNC_APPLY.TENANT_ID, SYNC_APPLY.SYNC_RUN_ID)
			.doUpdate()
			.set(Upserts.fromExcluded(SYNC_APPLY.SYNC_TYPE, SYNC_APPLY.EXPECTED_ROOTS, SYNC_APPLY.ROOT_ST_IDS,
					SYNC_APPLY.COMPLETED_AT, SYNC_APPLY.UPDATED_AT))
			.returningResult(RUN)
			.fetchSingle(Record1::value1);
	}

	/** Marks {@code CategoriesSynced} published, with the run's final tally. */
	void markPublished(String tenantId, UUID syncRunId, ChangeTally tally, OffsetDateTime now) {
		dsl.update(SYNC_APPLY)
			.set(SYNC_APPLY.SYNCED_PUBLISHED, true)
			.set(SYNC_APPLY.CREATED, tally.created())
			.set(SYNC_APPLY.UPDATED, tally.updated())
			.set(SYNC_APPLY.DEACTIVATED, tally.deactivated())
			.set(SYNC_APPLY.UPDATED_AT, now)
			.where(SYNC_APPLY.TENANT_ID.eq(tenantId))
			.and(SYNC_APPLY.SYNC_RUN_ID.eq(syncRunId))
			.execute();
	}

	private static @Nullable List<Long> list(Long @Nullable [] ids) {
		return ids == null ? null : List.of(ids);
	}
}
