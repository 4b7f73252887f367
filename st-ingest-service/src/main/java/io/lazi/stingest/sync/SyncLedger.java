package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;

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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncLedger {

	private final SyncRunRepository runs;

	private final SyncCursorRepository cursors;

	private final Outbox outbox;

	/**
	 * Records a new running run owned by {@code owner} and announces it.
	 *
	 * @throws SyncAlreadyRunningException when the tenant already has a run of the resource running, on any
	 * instance
	 */
	@Transactional
	SyncRun start(SyncResource resource, Tenant tenant, SyncType type, SyncTrigger trigger, Instant now,
			RunOwner owner) {

		var run = SyncRun.started(resource.name(), tenant, type, trigger, now);
		if (!runs.insertIfNoneRunning(run, owner.instanceId(), owner.lease(), null, 0)) {
			var running = runs.running(tenant, resource.name())
				.orElseThrow(() -> new IllegalStateException(
						resource.label() + " sync start of tenant " + tenant + " conflicted with a run that has ended"));
			throw new SyncAlreadyRunningException(resource, tenant.id(), running.id());
		}
		outbox.append(syncEvent(run, Events.SYNC_STARTED,
				new SyncStarted(run.tenantId(), run.id(), run.resource(), type, now)));
		return run;
	}

	/** Publishes one page of fetched records on their raw topics, key {@code {tenantId}:{id}}, in the order given. */
	@Transactional
	void publish(SyncRun run, List<Fetched<?>> records, Instant fetchedAt) {
		outbox.appendAll(records.stream().map(record -> fetchedEvent(run, record, fetchedAt)).toList());
	}

	private static <R> OutgoingEvent fetchedEvent(SyncRun run, Fetched<R> fetched, Instant fetchedAt) {
		return OutgoingEvent.of(fetched.type(), Long.toString(fetched.id()),
				new StRecordFetched<>(run.tenantId(), run.id(), run.syncType(), fetchedAt, fetched.record()));
	}

	/**
	 * One record to publish as {@code StRecordFetched} of {@code type}.
	 *
	 * @param id the record's ServiceTitan id, the event's subject
	 */
	record Fetched<R>(EventType<StRecordFetched<R>> type, long id, R record) {
	}

	/**
	 * Ends a run of {@code owner} successfully: counts, cursors, what the pull changes with the completion,
	 * and {@code SyncCompleted} (with the roots of a full run) after every record appended.
	 *
	 * @throws RunTakenOverException when another instance took the run over; nothing is recorded
	 */
	@Transactional
	SyncRun complete(SyncRun run, ResourcePull pull, PullResult result, int calls, int rateLimited, Instant now,
			RunOwner owner) {

		var done = run.completed(now, result, calls, rateLimited);
		if (!runs.finish(done, owner.instanceId())) {
			throw new RunTakenOverException(run, owner);
		}
		result.newest().forEach((cursor, newest) -> cursors.advance(run.tenant(), cursor, newest, run.id(), now));
		pull.completing(done, result);
		var rootIds = run.syncType() == SyncType.FULL ? result.rootStIds() : List.<Long>of();
		outbox.append(syncEvent(done, Events.SYNC_COMPLETED,
				new SyncCompleted(run.tenantId(), run.id(), run.resource(), run.syncType(), run.startedAt(), now,
						done.durationMs(), done.recordsPublishedMs(), done.rootCount(), done.subcategoryCount(), done.imagesFetched(), calls,
						rateLimited, rootIds)));
		return done;
	}

	/**
	 * Ends a run of {@code owner} as failed and announces it; what was published stays published, cursors
	 * stay.
	 *
	 * @throws RunTakenOverException when another instance took the run over; nothing is recorded
	 */
	@Transactional
	SyncRun fail(SyncRun run, int calls, int rateLimited, String error, Instant now, RunOwner owner) {

		var failed = run.failed(now, calls, rateLimited, error);
		if (!runs.finish(failed, owner.instanceId())) {
			throw new RunTakenOverException(run, owner);
		}
		announceFailure(failed, now);
		return failed;
	}

	/**
	 * Takes over up to {@code limit} runs whose lease has expired, in one transaction: each is failed with the
	 * reason and {@code SyncFailed}; unless {@code refusal} gives a reason not to, a new run of the same
	 * resource, tenant, type and trigger, owned by {@code owner}, takes its place (with {@code SyncStarted}).
	 * Runs another instance is taking over at the same time are skipped (row locks), so each expired run is
	 * taken over once.
	 *
	 * @param refusal why an expired run must not be restarted here, or null to restart it
	 */
	@Transactional
	List<TakeOver> takeOverExpired(RunOwner owner, Function<ExpiredRun, @Nullable String> refusal, int limit,
			Instant now) {

		var taken = new ArrayList<TakeOver>();
		for (var expired : runs.lockExpired(limit)) {
			var run = expired.run();
			var refused = refusal.apply(expired);
			var restart = refused == null ? SyncRun.started(run.resource(), run.tenant(), run.syncType(), run.trigger(), now)
					: null;
			var reason = expired.reason() + (restart == null ? "; not restarted: " + refused
					: "; taken over by instance " + owner.instanceId() + " as run " + restart.id());
			var failed = run.failed(now, run.stCalls(), run.rateLimited(), reason);
			if (!runs.finishExpired(failed)) {
				continue;
			}
			announceFailure(failed, now);
			if (restart != null) {
				if (!runs.insertIfNoneRunning(restart, owner.instanceId(), owner.lease(), run.id(),
						expired.lostOwnersAfter())) {
					throw new IllegalStateException("Restart of " + run.resource() + " sync " + run.id()
							+ " conflicted with another running run");
				}
				outbox.append(syncEvent(restart, Events.SYNC_STARTED, new SyncStarted(restart.tenantId(), restart.id(),
						restart.resource(), restart.syncType(), now)));
			}
			taken.add(new TakeOver(expired, failed, restart));
		}
		return taken;
	}

	private void announceFailure(SyncRun failed, Instant now) {
		outbox.append(syncEvent(failed, Events.SYNC_FAILED,
				new SyncFailed(failed.tenantId(), failed.id(), failed.resource(), failed.syncType(), failed.startedAt(),
						now, failed.durationMs(), failed.stCalls(), failed.rateLimited(),
						failed.error() == null ? "" : failed.error())));
	}

	/**
	 * What a sweep did with one expired run.
	 *
	 * @param failed the expired run as it ended
	 * @param restart the run that took its place, or null when it was not restarted
	 */
	record TakeOver(ExpiredRun expired, SyncRun failed, @Nullable SyncRun restart) {
	}

	private static <T extends TenantPayload> OutgoingEvent syncEvent(SyncRun run, EventType<T> type, T payload) {
		return OutgoingEvent.of(type, run.id().toString(), payload);
	}
}
