package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.sync.persistence.SyncCursorRepository;
import io.lazi.stingest.sync.persistence.SyncRunRepository;

/**
 * Every state change of a run, each committed together with the events announcing it: the start with
 * {@code SyncStarted}, each page of a list with its {@code StRecordFetched} events, the end with the
 * cursors and {@code SyncCompleted} or {@code SyncFailed} (key {@code {tenantId}}, subject = run id).
 */
@Component
class SyncLedger {

	private final SyncRunRepository runs;

	private final SyncCursorRepository cursors;

	private final Outbox outbox;

	SyncLedger(SyncRunRepository runs, SyncCursorRepository cursors, Outbox outbox) {
		this.runs = runs;
		this.cursors = cursors;
		this.outbox = outbox;
	}

	/**
	 * Records a new running run and announces it.
	 *
	 * @throws SyncAlreadyRunningException when the tenant already has a run of the resource running
	 */
	@Transactional
	SyncRun start(SyncResource resource, Tenant tenant, SyncType type, SyncTrigger trigger, Instant now) {

		var run = SyncRun.started(resource.name(), tenant, type, trigger, now);
		if (!runs.insertIfNoneRunning(run)) {
			var running = runs.running(tenant, resource.name())
				.orElseThrow(() -> new IllegalStateException(
						resource.label() + " sync start of tenant " + tenant + " conflicted with a run that has ended"));
			throw new SyncAlreadyRunningException(resource, tenant.id(), running.id());
		}
		outbox.append(syncEvent(run, Events.SYNC_STARTED,
				new SyncStarted(run.tenantId(), run.id(), run.resource(), type, now)));
		return run;
	}

	/** Publishes one page of a feed's records on its raw topic, key {@code {tenantId}:{id}}. */
	@Transactional
	<T> void publish(SyncRun run, Feed<T> feed, List<T> records, Instant fetchedAt) {
		outbox.appendAll(records.stream().map(record -> {
			var id = feed.id().applyAsLong(record);
			return OutgoingEvent.of(feed.type(), Long.toString(id),
					new StRecordFetched<>(run.tenantId(), run.id(), run.syncType(), fetchedAt, record));
		}).toList());
	}

	/**
	 * Ends a run successfully: counts, cursors, what the pull changes with the completion, and
	 * {@code SyncCompleted} (with the roots of a full run) after every record appended.
	 */
	@Transactional
	SyncRun complete(SyncRun run, ResourcePull pull, PullResult result, int calls, int rateLimited, Instant now) {

		var done = run.completed(now, result, calls, rateLimited);
		runs.finish(done);
		result.newest().forEach((cursor, newest) -> cursors.advance(run.tenant(), cursor, newest, run.id(), now));
		pull.completing(done, result);
		var rootIds = run.syncType() == SyncType.FULL ? result.rootStIds() : List.<Long>of();
		outbox.append(syncEvent(done, Events.SYNC_COMPLETED,
				new SyncCompleted(run.tenantId(), run.id(), run.resource(), run.syncType(), run.startedAt(), now,
						done.durationMs(), done.rootCount(), done.subcategoryCount(), done.imagesFetched(), calls,
						rateLimited, rootIds)));
		return done;
	}

	/** Ends a run as failed and announces it; what was published stays published, cursors stay. */
	@Transactional
	SyncRun fail(SyncRun run, int calls, int rateLimited, String error, Instant now) {

		var failed = run.failed(now, calls, rateLimited, error);
		runs.finish(failed);
		outbox.append(syncEvent(failed, Events.SYNC_FAILED, new SyncFailed(run.tenantId(), run.id(), run.resource(),
				run.syncType(), run.startedAt(), now, failed.durationMs(), calls, rateLimited, error)));
		return failed;
	}

	/** Fails every run still marked running (the process that ran it is gone); returns them. */
	@Transactional
	List<SyncRun> failInterrupted(Instant now) {
		return runs.allRunning()
			.stream()
			.map(run -> fail(run, run.stCalls(), run.rateLimited(),
					"Interrupted: st-ingest-service stopped while the run was in progress", now))
			.toList();
	}

	private static <T extends TenantPayload> OutgoingEvent syncEvent(SyncRun run, EventType<T> type, T payload) {
		return OutgoingEvent.of(type, run.id().toString(), payload);
	}
}
