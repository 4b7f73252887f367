package io.lazi.pricebook.category.sync.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.Events;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.pricebook.category.conflict.ConflictRecorder;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;

/**
 * Finishes a sync run once its completion and all its roots are applied: a full run deactivates the
 * trees of roots it did not see (flagging a conflict instead where a local change is pending), then {@code CategoriesSynced} goes out on {@code sync.events}.
 * Runs inside the transaction that made the run ready, which holds the run's row lock.
 */
@Component
public class SyncRunFinisher {

	private static final Logger LOG = LoggerFactory.getLogger(SyncRunFinisher.class);

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final SyncRunRepository runs;

	private final ConflictRecorder conflicts;

	private final ChangeAnnouncer announcer;

	private final Outbox outbox;

	SyncRunFinisher(CategoryTable categories, CategoryRows rows, SyncRunRepository runs, ConflictRecorder conflicts,
			ChangeAnnouncer announcer, Outbox outbox) {
		this.categories = categories;
		this.rows = rows;
		this.runs = runs;
		this.conflicts = conflicts;
		this.announcer = announcer;
		this.outbox = outbox;
	}

	/** Finishes {@code run} when it is ready; otherwise does nothing. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void finishIfReady(SyncRun run, OffsetDateTime now) {

		if (!run.readyToPublish()) {
			return;
		}
		var tenantId = run.tenantId();
		var tally = run.tally();
		if (run.rootStIds() != null) {
			rows.lockPendingOutside(tenantId, run.rootStIds())
				.forEach(stored -> conflicts.record(tenantId, stored, null, ConflictRecorder.ST_DELETED_LOCAL_MODIFIED, now));
			var gone = announcer.announceGone(tenantId,
					categories.deactivateOutside(tenantId, run.rootStIds(), run.syncRunId(), now));
			tally = tally.plus(ChangeTally.of(gone));
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
