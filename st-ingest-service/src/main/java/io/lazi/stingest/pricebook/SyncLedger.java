package io.lazi.stingest.pricebook;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.stingest.pricebook.persistence.CategoryStateRepository;
import io.lazi.stingest.pricebook.persistence.NodeState;
import io.lazi.stingest.pricebook.persistence.SyncRunRepository;

/**
 * Every state change of a pull, each committed together with the event announcing it: run start with
 * {@code SyncStarted}, each root with its {@code CategoryFetched}, the end with {@code SyncCompleted}
 * or {@code SyncFailed}.
 */
@Component
class SyncLedger {

	private final SyncRunRepository runs;

	private final CategoryStateRepository state;

	private final Outbox outbox;

	private final CloudEventCodec codec;

	SyncLedger(SyncRunRepository runs, CategoryStateRepository state, Outbox outbox, CloudEventCodec codec) {
		this.runs = runs;
		this.state = state;
		this.outbox = outbox;
		this.codec = codec;
	}

	/**
	 * Records a new running run and announces it.
	 *
	 * @throws SyncAlreadyRunningException when the tenant already has a pricebook sync running
	 */
	@Transactional
	SyncRun start(String tenantId, SyncType type, SyncTrigger trigger, Instant now) {

		var run = SyncRun.started(tenantId, type, trigger, now);
		if (!runs.insertIfNoneRunning(run)) {
			var running = runs.running(tenantId, run.resource())
				.orElseThrow(() -> new IllegalStateException("Sync start of tenant " + tenantId + " conflicted with a run that has ended"));
			throw new SyncAlreadyRunningException(tenantId, running.id());
		}
		outbox.append(syncEvent(run, EventTypes.SYNC_STARTED,
				new SyncStarted(tenantId, run.id(), run.resource(), type, now)));
		return run;
	}

	/** Stores one root (complete subtree, images filled) and publishes it on {@code st.raw.categories}. */
	@Transactional
	void storeRoot(SyncRun run, StCategory root, Instant fetchedAt, List<NodeState> nodes) {

		var payload = new CategoryFetched(run.tenantId(), run.id(), run.syncType(), fetchedAt, root);
		state.storeRoot(run.tenantId(), root.id(), run.id(), run.syncType(), fetchedAt, codec.serialize(root), nodes);
		outbox.append(new OutgoingEvent(Topics.ST_RAW_CATEGORIES, Topics.entityKey(run.tenantId(), root.id()),
				EventTypes.CATEGORY_FETCHED, Long.toString(root.id()), run.tenantId(), payload));
	}

	/** Ends a run successfully: counts, cursor, and {@code SyncCompleted} after every root appended. */
	@Transactional
	SyncRun complete(SyncRun run, PullResult result, int calls, int rateLimited, Instant now) {

		var done = run.completed(now, result, calls, rateLimited);
		runs.finish(done);
		var newest = result.cursor().newestModifiedOn();
		if (newest != null) {
			state.advanceCursor(run.tenantId(), run.resource(), newest, run.id(), now);
		}
		if (run.syncType() == SyncType.FULL) {
			state.retainRoots(run.tenantId(), result.rootStIds());
		}
		var rootIds = run.syncType() == SyncType.FULL ? result.rootStIds() : List.<Long>of();
		outbox.append(syncEvent(done, EventTypes.SYNC_COMPLETED,
				new SyncCompleted(run.tenantId(), run.id(), run.resource(), run.syncType(), run.startedAt(), now,
						done.durationMs(), done.rootCount(), done.subcategoryCount(), done.imagesFetched(), calls,
						rateLimited, rootIds)));
		return done;
	}

	/** Ends a run as failed and announces it; roots already published stay published. */
	@Transactional
	SyncRun fail(SyncRun run, int calls, int rateLimited, String error, Instant now) {

		var failed = run.failed(now, calls, rateLimited, error);
		runs.finish(failed);
		outbox.append(syncEvent(failed, EventTypes.SYNC_FAILED, new SyncFailed(run.tenantId(), run.id(), run.resource(),
				run.syncType(), run.startedAt(), now, failed.durationMs(), calls, rateLimited, error)));
		return failed;
	}

	/** Fails every run still marked running (the process that ran it is gone); returns them. */
	@Transactional
	List<SyncRun> failInterrupted(Instant now) {
		return runs.allRunning()
			.stream()
			.map(run -> fail(run, run.stCalls(), run.rateLimited(), "Interrupted: st-ingest-service stopped while the run was in progress", now))
			.toList();
	}

	private static OutgoingEvent syncEvent(SyncRun run, String type, Object payload) {
		return new OutgoingEvent(Topics.SYNC_EVENTS, run.tenantId(), type, run.id().toString(), run.tenantId(), payload);
	}
}
