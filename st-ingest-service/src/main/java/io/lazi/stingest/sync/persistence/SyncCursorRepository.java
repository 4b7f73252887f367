package io.lazi.stingest.sync.persistence;

import static io.lazi.stingest.jooq.Tables.SYNC_CURSOR;
import static org.jooq.impl.DSL.greatest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Tenant;
import io.lazi.stingest.sync.SyncCursor;

/**
 * The incremental cursors ({@code sync_cursor}), one per tenant and cursor name (a resource, or one
 * list of it); every method filters by tenant.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SyncCursorRepository {

	private final DSLContext db;

	/** The stored cursor; empty before the first run that received a record. */
	public SyncCursor cursor(Tenant tenant, String name) {
		return new SyncCursor(db.select(SYNC_CURSOR.NEWEST_MODIFIED_ON)
			.from(SYNC_CURSOR)
			.where(SYNC_CURSOR.TENANT_ID.eq(tenant.id()), SYNC_CURSOR.RESOURCE.eq(name))
			.fetchOptional(r -> r.value1().toInstant())
			.orElse(null));
	}

	/** Moves the cursor to {@code newest} unless it already is newer. */
	public void advance(Tenant tenant, String name, Instant newest, UUID syncRunId, Instant now) {
		db.insertInto(SYNC_CURSOR)
			.set(SYNC_CURSOR.TENANT_ID, tenant.id())
			.set(SYNC_CURSOR.RESOURCE, name)
			.set(SYNC_CURSOR.NEWEST_MODIFIED_ON, newest.atOffset(ZoneOffset.UTC))
			.set(SYNC_CURSOR.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.set(SYNC_CURSOR.SYNC_RUN_ID, syncRunId)
			.onConflict(SYNC_CURSOR.TENANT_ID, SYNC_CURSOR.RESOURCE)
			.doUpdate()
			.set(SYNC_CURSOR.NEWEST_MODIFIED_ON,
					greatest(SYNC_CURSOR.NEWEST_MODIFIED_ON, SYNC_CURSOR.as("excluded").NEWEST_MODIFIED_ON))
			.set(SYNC_CURSOR.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.set(SYNC_CURSOR.SYNC_RUN_ID, syncRunId)
			.execute();
	}
}
