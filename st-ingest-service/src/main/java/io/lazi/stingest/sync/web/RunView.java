package io.lazi.stingest.sync.web;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.stingest.sync.SyncRun;
import io.lazi.stingest.sync.SyncTrigger;

/**
 * A sync run as the API shows it; times ISO-8601 UTC, durations in milliseconds. {@code rootCount} is the
 * number of records a pull of lists published (its category counts stay 0). {@code recordsPublishedMs} is
 * the time until every record fetched had gone out: for a categories run, the whole tree with names and
 * positions, before the by-id image fetches that {@code durationMs} includes.
 */
record RunView(UUID syncRunId, SyncType syncType, SyncStatus status, SyncTrigger trigger, Instant startedAt,
		@Nullable Instant finishedAt, @Nullable Long durationMs, @Nullable Long recordsPublishedMs, int rootCount,
		int subcategoryCount, int imagesFetched,
		int stCalls, int rateLimited, @Nullable String error) {

	static RunView of(SyncRun run) {
		return new RunView(run.id(), run.syncType(), run.status(), run.trigger(), run.startedAt(), run.finishedAt(),
				run.durationMs(), run.recordsPublishedMs(), run.rootCount(), run.subcategoryCount(), run.imagesFetched(), run.stCalls(),
				run.rateLimited(), run.error());
	}
}
