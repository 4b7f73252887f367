package io.lazi.stingest.pricebook.sku;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.stingest.pricebook.SyncRun;
import io.lazi.stingest.pricebook.SyncTrigger;
import io.lazi.stingest.pricebook.persistence.CategoryStateRepository;
import io.lazi.stingest.pricebook.persistence.SyncRunRepository;

/**
 * Every state change of a SKU run, each committed together with the events announcing it: the start
 * with {@code SyncStarted}, each page with its {@code StRecordFetched} events, the end with the lists'
 * cursors and {@code SyncCompleted} or {@code SyncFailed}. {@code SyncCompleted} carries the SKUs
 * published in {@code rootCount} (services + materials + equipment), 0 in {@code subcategoryCount} and
 * {@code imagesFetched}, the run's ServiceTitan calls and 429s, and no {@code rootStIds}.
 */
@Component
class SkuLedger {

	/** Resource name of SKU runs in {@code sync_run} and on {@code sync.events}. */
	static final String RESOURCE = "pricebook.skus";

	private final SyncRunRepository runs;

	private final CategoryStateRepository cursors;

	private final Outbox outbox;

	SkuLedger(SyncRunRepository runs, CategoryStateRepository cursors, Outbox outbox) {
		this.runs = runs;
		this.cursors = cursors;
		this.outbox = outbox;
	}

	/** Records a new running run and announces it; fails when the tenant has a SKU run running. */
	@Transactional
	SyncRun start(String tenantId, SyncType type, SyncTrigger trigger, Instant now) {

		var run = new SyncRun(UUID.randomUUID(), tenantId, RESOURCE, type, SyncStatus.RUNNING, trigger, now, null, null, 0,
				0, 0, 0, 0, null);
		if (!runs.insertIfNoneRunning(run)) {
			var running = runs.running(tenantId, RESOURCE)
				.orElseThrow(() -> new IllegalStateException("SKU sync start of tenant " + tenantId + " conflicted with a run that has ended"));
			throw new SkuSyncAlreadyRunningException(tenantId, running.id());
		}
		outbox.append(syncEvent(run, EventTypes.SYNC_STARTED, new SyncStarted(tenantId, run.id(), RESOURCE, type, now)));
		return run;
	}

	/** Publishes one page of a list's records on its raw topic, key {@code {tenantId}:{id}}. */
	@Transactional
	<T> void publish(SyncRun run, SkuFeed<T> feed, List<T> records, Instant fetchedAt) {
		outbox.appendAll(records.stream().map(record -> {
			var id = feed.id().applyAsLong(record);
			return new OutgoingEvent(feed.topic(), Topics.entityKey(run.tenantId(), id), feed.eventType(), Long.toString(id),
					run.tenantId(), new StRecordFetched<>(run.tenantId(), run.id(), run.syncType(), fetchedAt, record));
		}).toList());
	}

	/** Ends a run successfully: counts, the lists' cursors, and {@code SyncCompleted}. */
	@Transactional
	SyncRun complete(SyncRun run, int records, Map<String, Instant> newest, int calls, int rateLimited, Instant now) {

		var done = new SyncRun(run.id(), run.tenantId(), RESOURCE, run.syncType(), SyncStatus.COMPLETED, run.trigger(),
				run.startedAt(), now, Duration.between(run.startedAt(), now).toMillis(), records, 0, 0, calls, rateLimited,
				null);
		runs.finish(done);
		newest.forEach((resource, modifiedOn) -> cursors.advanceCursor(run.tenantId(), resource, modifiedOn, run.id(), now));
		outbox.append(syncEvent(done, EventTypes.SYNC_COMPLETED, new SyncCompleted(run.tenantId(), run.id(), RESOURCE,
				run.syncType(), run.startedAt(), now, done.durationMs(), records, 0, 0, calls, rateLimited, List.of())));
		return done;
	}

	/** Ends a run as failed and announces it; records already published stay published, cursors stay. */
	@Transactional
	SyncRun fail(SyncRun run, int calls, int rateLimited, String error, Instant now) {

		var failed = run.failed(now, calls, rateLimited, error);
		runs.finish(failed);
		outbox.append(syncEvent(failed, EventTypes.SYNC_FAILED, new SyncFailed(run.tenantId(), run.id(), RESOURCE,
				run.syncType(), run.startedAt(), now, failed.durationMs(), calls, rateLimited, error)));
		return failed;
	}

	private static OutgoingEvent syncEvent(SyncRun run, String type, Object payload) {
		return new OutgoingEvent(Topics.SYNC_EVENTS, run.tenantId(), type, run.id().toString(), run.tenantId(), payload);
	}
}
