package io.lazi.pricebook.category.sync.internal;

import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.StCommandCompleted;
import io.lazi.pricebook.category.conflict.ConflictRecorder;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;
import io.lazi.pricebook.category.internal.LocalState;

/**
 * Applies the answer of a single-category pull: the category with its subcategories like a sync of
 * that subtree (conflict detection included); a 404 means ServiceTitan deleted it.
 */
@Component
public class PullResults {

	private static final Logger LOG = LoggerFactory.getLogger(PullResults.class);

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final SubtreeApplier subtrees;

	private final ConflictRecorder conflicts;

	private final ChangeAnnouncer announcer;

	PullResults(CategoryTable categories, CategoryRows rows, SubtreeApplier subtrees, ConflictRecorder conflicts,
			ChangeAnnouncer announcer) {
		this.categories = categories;
		this.rows = rows;
		this.subtrees = subtrees;
		this.conflicts = conflicts;
		this.announcer = announcer;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(String tenantId, StCommandCompleted result, OffsetDateTime now) {

		switch (result.outcome()) {
			case SUCCEEDED -> pulled(tenantId, result, now);
			case NOT_FOUND -> gone(tenantId, result.stId(), now);
			case FAILED -> LOG.warn("Pull of category {} of tenant {} failed: {}", result.stId(), tenantId,
					result.error());
		}
	}

	private void pulled(String tenantId, StCommandCompleted result, OffsetDateTime now) {

		var category = result.category();
		if (category == null) {
			throw new IllegalArgumentException("Pull result " + result.commandId() + " carries no category");
		}
		if (category.parentId() == null) {
			subtrees.apply(tenantId, CategoryTree.flatten(category), category.id(), null, now);
			return;
		}
		var parent = rows.lock(tenantId, category.parentId());
		if (parent.isEmpty()) {
			LOG.warn("Pulled category {} of tenant {} has parent {} not stored yet; the next sync places it",
					category.id(), tenantId, category.parentId());
			return;
		}
		var root = parent.get().local().stRootStId() == null ? parent.get().node().rootStId()
				: parent.get().local().stRootStId();
		subtrees.apply(tenantId, CategoryTree.flatten(category, parent.get().node(), root), null, null, now);
	}

	/** ServiceTitan no longer has the item: deactivate it, or flag the conflict with a pending local change. */
	private void gone(String tenantId, long stId, OffsetDateTime now) {

		var stored = rows.lock(tenantId, stId).orElse(null);
		if (stored == null) {
			return;
		}
		var local = stored.local();
		if (local.pending() && !LocalState.DELETED.equals(local.localStatus())) {
			conflicts.record(tenantId, stored, null, ConflictRecorder.ST_DELETED_LOCAL_MODIFIED, now);
			return;
		}
		announcer.announceGone(tenantId, categories.deactivateSubtree(tenantId, stId, now));
	}
}
