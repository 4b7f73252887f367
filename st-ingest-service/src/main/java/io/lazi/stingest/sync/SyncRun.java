package io.lazi.stingest.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.Tenant;

/**
 * One pull of one resource for one tenant, as recorded in {@code sync_run}. Counts are zero while
 * running; {@code finishedAt}, {@code durationMs} are set once it ended and {@code error} when it failed.
 *
 * @param recordsPublishedMs from the start until every record fetched had gone out, before the work that follows
 *        them (a categories run's by-id image fetches); equals {@code durationMs} for a pull of lists; null
 *        until the run completed
 * @param rootCount roots published by a category pull, records published by a pull of lists
 * @param stCalls ServiceTitan API calls (token requests excluded)
 * @param rateLimited ServiceTitan 429 answers
 */
public record SyncRun(UUID id, String tenantId, String resource, SyncType syncType, SyncStatus status,
		SyncTrigger trigger, Instant startedAt, @Nullable Instant finishedAt, @Nullable Long durationMs, @Nullable Long recordsPublishedMs, int rootCount,
		int subcategoryCount, int imagesFetched, int stCalls, int rateLimited, @Nullable String error) {

	/** A new running run of {@code resource}. */
	public static SyncRun started(String resource, Tenant tenant, SyncType type, SyncTrigger trigger, Instant now) {
		return new SyncRun(UUID.randomUUID(), tenant.id(), resource, type, SyncStatus.RUNNING, trigger, now, null, null,
				null, 0, 0, 0, 0, 0, null);
	}

	public Tenant tenant() {
		return new Tenant(tenantId);
	}

	/** This run completed at {@code now} with the counts of {@code result}. */
	SyncRun completed(Instant now, PullResult result, int calls, int limited) {
		var published = result.recordsPublishedAt() == null ? now : result.recordsPublishedAt();
		return new SyncRun(id, tenantId, resource, syncType, SyncStatus.COMPLETED, trigger, startedAt, now,
				Duration.between(startedAt, now).toMillis(), Duration.between(startedAt, published).toMillis(),
				result.rootCount(), result.subcategoryCount(),
				result.imagesFetched(), calls, limited, null);
	}

	/** This run failed at {@code now} with the counts reached so far. */
	SyncRun failed(Instant now, int calls, int limited, String reason) {
		return new SyncRun(id, tenantId, resource, syncType, SyncStatus.FAILED, trigger, startedAt, now,
				Duration.between(startedAt, now).toMillis(), null, rootCount, subcategoryCount, imagesFetched, calls, limited,
				reason);
	}
}
