package io.lazi.pricebook.category.sync.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.pricebook.category.internal.CategoryRows;

/**
 * Tracks a sync run as its roots and its completion are applied, and finishes it once the completion
 * and all its roots are in: a full run has {@link SubtreeApplier} deactivate the trees of roots it did
 * not see (flagging a conflict instead where a local change is pending), then {@code CategoriesSynced}
 * goes out on {@code sync.events}, exactly once per run. Runs in the caller's transaction, in which the
 * run's row stays locked from the first update of it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SyncRunTracker {

	private static final Logger LOG = LoggerFactory.getLogger(SyncRunTracker.class);

	private final SyncRunRepository runs;

	private final SubtreeApplier subtrees;

	private final CategoryRows rows;

	private final Outbox outbox;

	/** Counts the applied root {@code rootStId} (once per root) and its changes towards its run. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rootApplied(String tenantId, UUID syncRunId, long rootStId, ChangeTally tally, OffsetDateTime now) {

		var newRoot = runs.recordRoot(tenantId, syncRunId, rootStId);
		finishIfReady(runs.addRoot(tenantId, syncRunId, newRoot, tally, now), now);
	}

	/**
	 * Records the run's completion: how many roots it published and, for a full run, which roots exist
	 * ({@code null} for an incremental run).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void completed(String tenantId, UUID syncRunId, SyncType syncType, int expectedRoots,
			@Nullable List<Long> rootStIds, OffsetDateTime now) {
		finishIfReady(runs.complete(tenantId, syncRunId, syncType, expectedRoots, rootStIds, now), now);
	}

	/** Finishes {@code run} when it is ready; otherwise does nothing. */
	private void finishIfReady(SyncRun run, OffsetDateTime now) {

		if (!run.readyToPublish()) {
			return;
		}
		var tenantId = run.tenantId();
		var tally = run.tally();
		if (run.rootStIds() != null) {
			tally = tally.plus(ChangeTally.of(subtrees.applyGoneOutside(tenantId, run.rootStIds(), run.syncRunId(), now)));
		}
		var count = rows.countActive(tenantId);
		runs.markPublished(tenantId, run.syncRunId(), tally, now);
		outbox.append(synced(tenantId, run.syncRunId(), count, tally));
		LOG.info("Sync run {} of tenant {} applied: {} active categories, {} created, {} updated, {} deactivated",
				run.syncRunId(), tenantId, count, tally.created(), tally.updated(), tally.deactivated());
	}

	private static OutgoingEvent synced(String tenantId, UUID syncRunId, int count, ChangeTally tally) {
		return OutgoingEvent.of(Events.PRICEBOOK_CATEGORIES_SYNCED, syncRunId.toString(),
				new CategoriesSynced(tenantId, syncRunId, count, tally.created(), tally.updated(), tally.deactivated()));
	}
}
