package io.lazi.pricebook.category.sync.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.pricebook.category.conflict.ConflictRecorder;
import io.lazi.pricebook.category.internal.CategoryChange;
import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryStatistics;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;
import io.lazi.pricebook.category.internal.InFlight;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.NodeWrite;
import io.lazi.pricebook.category.internal.StoredNode;

/**
 * Applies ServiceTitan nodes pulled by a sync or a single-category pull to the stored tree, with
 * conflict detection against pending local changes, then rebuilds the effective paths and announces
 * every effective change on {@code pricebook.changed} (a node whose path the rebuild changed, e.g. below
 * a locally moved one, with its rebuilt path). A node ServiceTitan no longer has (missing from a root's
 * tree, or from below a pulled subcategory) is deactivated with its subtree, or flagged as a conflict while
 * a local change of it is pending.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SubtreeApplier {

	private static final Logger LOG = LoggerFactory.getLogger(SubtreeApplier.class);

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final InFlight inFlight;

	private final ConflictRecorder conflicts;

	private final ChangeAnnouncer announcer;

	private final CategoryStatistics statistics;

	/** Fields the rebuild of effective paths sets. */
	private static final List<String> REBUILT_FIELDS = List.of("root", "depth", "path");

	/**
	 * Applies {@code nodes} (a complete subtree, its top first). When {@code stRootStId} is given the
	 * subtree is a whole root tree, so nodes ServiceTitan had in it and that are missing now are gone.
	 * Returns the effective changes announced.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<CategoryChange> apply(String tenantId, List<CategoryNode> nodes, @Nullable Long stRootStId,
			@Nullable UUID syncRunId, OffsetDateTime now) {
		return apply(tenantId, nodes, stRootStId == null ? null : CategoryRows.inStTree(tenantId, stRootStId), null,
				syncRunId, now);
	}

	/**
	 * Applies {@code nodes}; {@code complete} names the stored rows ServiceTitan's answer covers whole (a
	 * root's tree, or everything below a pulled subcategory), so those of them missing from it are gone.
	 */
	private List<CategoryChange> apply(String tenantId, List<CategoryNode> nodes, @Nullable Condition complete,
			@Nullable Long parentRootStId, @Nullable UUID syncRunId, OffsetDateTime now) {

		var ids = nodes.stream().map(CategoryNode::stId).toList();
		var stored = rows.lockExisting(tenantId, ids);
		var sent = inFlight.among(tenantId, ids);
		var writes = new ArrayList<NodeWrite>();
		var changes = new ArrayList<CategoryChange>();
		var settled = new ArrayList<Long>();
		var conflicted = new ArrayList<Conflicted>();
		var reshaped = false;
		for (var node : nodes) {
			var before = stored.get(node.stId());
			var decision = SyncMerge.decide(before, node, sent.contains(node.stId()));
			var write = decision.write();
			var beforeNode = before == null ? null : before.node();
			reshaped |= reshapes(before, write);
			if (before == null || !write.effective().equals(beforeNode) || !sameSt(before.local(), node)) {
				writes.add(write);
			}
			if (!write.effective().equals(beforeNode)) {
				CategoryChange.between(beforeNode, write.effective()).ifPresent(changes::add);
			}
			switch (decision.outcome()) {
				case SETTLED -> settled.add(node.stId());
				case BOTH_MODIFIED -> conflicted.add(new Conflicted(before, node, ConflictRecorder.BOTH_MODIFIED));
				case LOCAL_DELETED_ST_MODIFIED ->
					conflicted.add(new Conflicted(before, node, ConflictRecorder.LOCAL_DELETED_ST_MODIFIED));
				case APPLIED, KEPT -> {
				}
			}
		}
		categories.upsert(tenantId, writes, syncRunId, now);
		statistics.inserted((int) writes.stream().filter(write -> !stored.containsKey(write.st().stId())).count());
		categories.settle(tenantId, settled);
		if (complete != null) {
			categories.deactivateAbsent(complete, ids, syncRunId, now)
				.forEach(node -> changes.add(CategoryChange.disappeared(node)));
			rows.lockPendingAbsent(complete, ids)
				.forEach(gone -> conflicted.add(new Conflicted(gone, null, ConflictRecorder.ST_DELETED_LOCAL_MODIFIED)));
		}
		var rebuilt = reshaped ? categories.rebuildPaths(tenantId, treesTouched(stored, writes, parentRootStId))
				: List.<Long>of();
		var announced = withRebuiltPaths(tenantId, changes, stored, rebuilt);
		conflicted.forEach(c -> conflicts.record(tenantId, c.stored(), c.st(), c.type(), now));
		announcer.announce(tenantId, announced);
		return announced;
	}

	/**
	 * Whether writing {@code write} over {@code before} can leave a stored path wrong: the node moved (its
	 * descendants outside this apply, such as local creates or nodes moved under it locally, follow it), or a
	 * local move of it is pending (ServiceTitan's new children of it got ServiceTitan's path, not its local one).
	 * The paths of nodes that are new or keep their place are already right as written.
	 */
	private static boolean reshapes(@Nullable StoredNode before, NodeWrite write) {

		if (before == null) {
			return false;
		}
		var effective = write.effective();
		return before.local().pendingField(LocalState.PARENT)
				|| !Objects.equals(before.node().parentStId(), effective.parentStId())
				|| !Objects.equals(before.node().path(), effective.path());
	}

	/**
	 * The effective roots whose trees an apply can change: those the stored nodes were under (a locally moved
	 * node keeps its effective root, and ServiceTitan's new children of it belong there), those the written
	 * nodes are under now, and the tree of the parent of a pulled subcategory.
	 */
	private static Set<Long> treesTouched(Map<Long, StoredNode> stored, List<NodeWrite> writes,
			@Nullable Long parentRootStId) {

		var roots = new HashSet<Long>();
		stored.values().forEach(node -> roots.add(node.node().rootStId()));
		writes.forEach(write -> roots.add(write.effective().rootStId()));
		if (parentRootStId != null) {
			roots.add(parentRootStId);
		}
		return roots;
	}

	/**
	 * {@code changes} with the paths the rebuild gave: a node a sync placed under a locally moved one gets
	 * its rebuilt path, depth and root in its own change, and a node whose path changed only through the
	 * rebuild (a descendant of such a node) is announced too.
	 */
	private List<CategoryChange> withRebuiltPaths(String tenantId, List<CategoryChange> changes,
			Map<Long, StoredNode> before, List<Long> rebuilt) {

		if (rebuilt.isEmpty()) {
			return changes;
		}
		var fresh = rows.lockExisting(tenantId, rebuilt);
		var result = new ArrayList<CategoryChange>(changes.size() + rebuilt.size());
		var seen = new HashSet<Long>();
		for (var change : changes) {
			var now = fresh.get(change.node().stId());
			if (now == null) {
				result.add(change);
				continue;
			}
			seen.add(change.node().stId());
			var fields = new LinkedHashSet<>(change.changes());
			fields.addAll(REBUILT_FIELDS);
			result.add(new CategoryChange(now.node(), change.type(), List.copyOf(fields)));
		}
		for (var id : rebuilt) {
			var now = fresh.get(id);
			if (now == null || seen.contains(id)) {
				continue;
			}
			var earlier = before.get(id);
			(earlier == null ? Optional.of(new CategoryChange(now.node(), Events.PRICEBOOK_CATEGORY_UPDATED, REBUILT_FIELDS))
					: CategoryChange.between(earlier.node(), now.node())).ifPresent(result::add);
		}
		return result;
	}

	/**
	 * Deactivates the trees outside {@code rootStIds}, the roots a full run saw: ServiceTitan deleted
	 * them. A locally modified node among them is recorded as a conflict. Returns the changes announced.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<CategoryChange> applyGoneOutside(String tenantId, List<Long> rootStIds, UUID syncRunId,
			OffsetDateTime now) {

		rows.lockPendingOutside(tenantId, rootStIds)
			.forEach(stored -> conflicts.record(tenantId, stored, null, ConflictRecorder.ST_DELETED_LOCAL_MODIFIED, now));
		return announcer.announceGone(tenantId, categories.deactivateOutside(tenantId, rootStIds, syncRunId, now));
	}

	/**
	 * Applies the answer of a single-category pull: the category with its subcategories like a sync of
	 * that subtree; a 404 means ServiceTitan deleted it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void applyPull(String tenantId, StCommandCompleted result, OffsetDateTime now) {

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
			apply(tenantId, CategoryTree.flatten(category), CategoryRows.inStTree(tenantId, category.id()), null, null, now);
			return;
		}
		// The answer carries the whole subtree: what ServiceTitan had below the category and left out is gone.
		var complete = CategoryRows.belowInSt(tenantId, category.id());
		var parent = rows.lock(tenantId, category.parentId());
		if (parent.isEmpty()) {
			LOG.warn("Pulled category {} of tenant {} has parent {} not stored yet; the next sync places it",
					category.id(), tenantId, category.parentId());
			return;
		}
		var root = parent.get().local().stRootStId() == null ? parent.get().node().rootStId()
				: parent.get().local().stRootStId();
		apply(tenantId, CategoryTree.flatten(category, parent.get().node(), root), complete,
				parent.get().node().rootStId(), null, now);
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

	private static boolean sameSt(LocalState local, CategoryNode st) {
		return Objects.equals(local.stName(), st.name())
				&& Objects.equals(local.stImagePath(), st.imagePath())
				&& Objects.equals(local.stPosition(), st.position())
				&& Objects.equals(local.stParentStId(), st.parentStId())
				&& Objects.equals(local.stRootStId(), st.rootStId());
	}

	private record Conflicted(StoredNode stored, @Nullable CategoryNode st, String type) {
	}
}
