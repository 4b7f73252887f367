package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.SYNC_TALLY;

import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Counts, per sync run, the records applied and the opportunities they created and moved. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncTallies {

	private final DSLContext dsl;

	/** Adds {@code records} applied records of the run and what they created and moved. */
	void add(String tenantId, UUID syncRunId, int records, PipelineEngine.Outcome outcome) {
		dsl.insertInto(SYNC_TALLY, SYNC_TALLY.TENANT_ID, SYNC_TALLY.SYNC_RUN_ID, SYNC_TALLY.RECORDS, SYNC_TALLY.CREATED,
				SYNC_TALLY.MOVED)
			.values(tenantId, syncRunId, records, outcome.created(), outcome.moved())
			.onConflict(SYNC_TALLY.TENANT_ID, SYNC_TALLY.SYNC_RUN_ID)
			.doUpdate()
			.set(SYNC_TALLY.RECORDS, SYNC_TALLY.RECORDS.plus(records))
			.set(SYNC_TALLY.CREATED, SYNC_TALLY.CREATED.plus(outcome.created()))
			.set(SYNC_TALLY.MOVED, SYNC_TALLY.MOVED.plus(outcome.moved()))
			.execute();
	}
}
