package io.lazi.pricebook.category.sync;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.pricebook.PricebookApplication;
import io.lazi.pricebook.category.sync.internal.CategoryTree;
import io.lazi.pricebook.category.sync.internal.ChangeTally;
import io.lazi.pricebook.category.sync.internal.SubtreeApplier;
import io.lazi.pricebook.category.sync.internal.SyncRunTracker;

/**
 * Applies st-ingest's events to the category tree, each checked and exactly once
 * ({@link ConsumedMessages#accept}) and in one transaction with the {@code pricebook.changed} events
 * announcing its real changes. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategorySync {

	private static final Logger LOG = LoggerFactory.getLogger(CategorySync.class);

	private final ConsumedMessages consumed;

	private final SubtreeApplier subtrees;

	private final SyncRunTracker runs;

	/**
	 * Applies one fetched root with its complete subtree: upserts what differs, deactivates stored
	 * nodes of that root missing from the subtree, announces every real change and counts the root
	 * towards its sync run. A re-delivered event changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (malformed tree, tenant
	 *         mismatch, missing fields)
	 */
	@Transactional
	public void apply(ReceivedEvent<CategoryFetched> event) {

		if (!consumed.accept(event, PricebookApplication.CONSUMER)) {
			return;
		}
		var tenantId = event.tenantId();
		var fetched = event.payload();
		var nodes = CategoryTree.flatten(fetched.category());
		var root = nodes.getFirst();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var changes = subtrees.apply(tenantId, nodes, root.stId(), fetched.syncRunId(), now);

		var tally = ChangeTally.of(changes);
		runs.rootApplied(tenantId, fetched.syncRunId(), root.stId(), tally, now);
		LOG.debug("Applied root {} of tenant {} (run {}): {} nodes, {} created, {} updated, {} deactivated",
				root.stId(), tenantId, fetched.syncRunId(), nodes.size(), tally.created(), tally.updated(),
				tally.deactivated());
	}

	/**
	 * Applies the completion of a {@code pricebook.categories} sync run. Once all roots the run
	 * published are applied too, a full run deactivates roots it did not see and
	 * {@code CategoriesSynced} is published, exactly once per run.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (tenant mismatch, missing fields,
	 *         a full run that lists none of the roots it published)
	 */
	@Transactional
	public void complete(ReceivedEvent<SyncCompleted> event) {

		if (!consumed.accept(event, PricebookApplication.CONSUMER)) {
			return;
		}
		var tenantId = event.tenantId();
		var completed = event.payload();
		if (completed.rootCount() < 0) {
			throw new IllegalArgumentException("rootCount must not be negative: " + completed.rootCount());
		}
		var rootStIds = completed.syncType() == SyncType.FULL ? fullRunRoots(completed) : null;
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		runs.completed(tenantId, completed.syncRunId(), completed.syncType(), completed.rootCount(), rootStIds, now);
	}

	/**
	 * Applies st-ingest's answer to a single-category pull like a sync of that subtree (conflict
	 * detection included); a 404 means ServiceTitan deleted the category. Runs in the caller's
	 * transaction, which has already recorded the event as consumed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void applyPull(String tenantId, StCommandCompleted result, OffsetDateTime now) {
		subtrees.applyPull(tenantId, result, now);
	}

	/**
	 * The roots a full run saw. Every stored tree outside them gets deactivated, so a completion that
	 * lists none although it published roots is rejected rather than trusted.
	 */
	private static List<Long> fullRunRoots(SyncCompleted completed) {

		var roots = completed.rootStIds();
		if (roots.isEmpty() && completed.rootCount() > 0) {
			throw new IllegalArgumentException("Full run " + completed.syncRunId() + " published "
					+ completed.rootCount() + " roots but lists no rootStIds");
		}
		return roots;
	}
}
