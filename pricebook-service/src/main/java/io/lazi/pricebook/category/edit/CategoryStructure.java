package io.lazi.pricebook.category.edit;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.Events;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.EditRefusedException;
import io.lazi.pricebook.category.internal.CategoryChange;
import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;
import io.lazi.pricebook.category.internal.InFlight;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.tree.CategoryQueries;
import io.lazi.pricebook.category.tree.CategoryView;

/**
 * Local changes of the tree's shape: reorder and move, create and delete subcategories. Each is pending
 * until pushed and announced on {@code pricebook.changed} in the same transaction. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryStructure {

	/** Deepest level a subcategory may sit at (a root is 0). */
	static final int MAX_DEPTH = 8;

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final InFlight inFlight;

	private final CategoryQueries queries;

	private final ChangeAnnouncer announcer;

	/**
	 * Puts the item at {@code position} among its siblings, under {@code parentStId} when given (a move of
	 * its whole subtree). Siblings are renumbered 0..n; every node whose position or parent changed is
	 * pending. A reorder to the index the item already has among its siblings changes nothing and announces
	 * nothing.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such item of that kind
	 * @throws InvalidInputException (field {@code parentStId}) for an unknown or deleted parent or a move
	 *         that would put a node below depth {@value #MAX_DEPTH}
	 * @throws EditRefusedException for a move under the item itself or one of its descendants
	 */
	@Transactional
	public CategoryView reorder(Tenant tenant, long stId, boolean subcategory, int position,
			@Nullable Long parentStId) {

		var stored = rows.lockKind(tenant.id(), stId, subcategory);
		var node = stored.node();
		if (LocalState.DELETED.equals(stored.local().localStatus())) {
			throw new EditRefusedException("Category " + stId + " is deleted locally");
		}
		var moved = parentStId != null && !parentStId.equals(node.parentStId());
		if (!moved && rows.siblingIndex(tenant.id(), node, position).unchanged()) {
			// Already there: renumbering would only rewrite the siblings' ServiceTitan numbering, a push of each
			// that changes nothing a user sees.
			return queries.category(tenant, stId);
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var before = moved ? rows.subtree(tenant.id(), stId) : List.<CategoryNode>of();
		if (moved) {
			var parent = liveParent(tenant, parentStId, "parentStId");
			if (parent.path().equals(node.path()) || parent.path().startsWith(node.path() + ".")) {
				throw new EditRefusedException("Category " + stId + " cannot move under itself or its descendant "
						+ parentStId);
			}
			var deepest = rows.deepest(tenant.id(), node) - node.depth() + parent.depth() + 1;
			if (deepest > MAX_DEPTH) {
				throw new InvalidInputException("parentStId",
						"moving there would put a subcategory at depth " + deepest + "; at most " + MAX_DEPTH);
			}
			categories.move(tenant.id(), node, parent, now);
		}
		var renumbered = categories.renumber(tenant.id(), moved ? parentStId : node.parentStId(), stId, position, now);
		var changes = new ArrayList<CategoryChange>(moved ? CategoryChange.subtreeChanges(before, rows.subtree(tenant.id(), stId))
				: List.of());
		var siblings = rows.lockExisting(tenant.id(), renumbered);
		for (var id : renumbered) {
			if (!moved || id != stId) {
				changes.add(new CategoryChange(siblings.get(id).node(), Events.PRICEBOOK_CATEGORY_MOVED, List.of("position")));
			}
		}
		announcer.announce(tenant.id(), changes);
		return queries.category(tenant, stId);
	}

	/**
	 * Creates a subcategory locally under {@code parentStId}, with a provisional negative id, pending until
	 * pushed.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such parent
	 * @throws EditRefusedException when the parent is locally deleted or already at depth {@value #MAX_DEPTH}
	 */
	@Transactional
	public CategoryView create(Tenant tenant, long parentStId, CategoryEdit edit) {

		var parent = rows.lockOrNotFound(tenant.id(), parentStId);
		if (LocalState.DELETED.equals(parent.local().localStatus())) {
			throw new EditRefusedException("Category " + parentStId + " is deleted locally");
		}
		if (parent.node().depth() >= MAX_DEPTH) {
			throw new EditRefusedException("Category " + parentStId + " is at depth " + MAX_DEPTH
					+ "; it cannot have subcategories");
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var stId = categories.nextLocalId();
		var pending = new ArrayList<>(List.of(LocalState.NAME, LocalState.POSITION, LocalState.PARENT));
		if (edit.imageUploadId() != null) {
			pending.add(1, LocalState.IMAGE);
		}
		categories.insertCreated(tenant.id(), stId, parent.node(), edit.name(), edit.imageUploadId(),
				edit.isVisibleCrm() == null || edit.isVisibleCrm(), pending, now);
		if (edit.position() != null) {
			categories.renumber(tenant.id(), parentStId, stId, edit.position(), now);
		}
		announcer.announceStored(tenant.id(), stId, Events.PRICEBOOK_CATEGORY_CREATED, CategoryChange.ALL_FIELDS);
		return queries.category(tenant, stId);
	}

	/**
	 * Deletes a subcategory locally: a local create never pushed is removed at once, anything else is
	 * pending deletion (hidden from active listings) until pushed.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such subcategory
	 * @throws EditRefusedException while it has children that are not deleted, or a command of it is in flight
	 */
	@Transactional
	public Deletion delete(Tenant tenant, long stId) {

		var stored = rows.lockKind(tenant.id(), stId, true);
		if (rows.liveChildren(tenant.id(), stId) > 0) {
			throw new EditRefusedException("Category " + stId + " still has subcategories; delete or move them first");
		}
		if (inFlight.contains(tenant.id(), stId)) {
			throw new EditRefusedException("Category " + stId + " is being pushed; try again once the push finished");
		}
		var node = stored.node();
		var event = new CategoryChange(node, Events.PRICEBOOK_CATEGORY_DELETED, List.of("deleted"));
		if (LocalState.CREATED.equals(stored.local().localStatus())) {
			categories.deleteCreated(tenant.id(), stId);
			announcer.announce(tenant.id(), event);
			return new Deletion(stId, true, null);
		}
		var values = CategoryTable.pendingValues(stored, List.of(), OffsetDateTime.now(ZoneOffset.UTC));
		values.put(CATEGORY.LOCAL_STATUS, LocalState.DELETED);
		categories.update(tenant.id(), stId, values);
		announcer.announce(tenant.id(), event);
		return new Deletion(stId, false, queries.category(tenant, stId));
	}

	private CategoryNode liveParent(Tenant tenant, long parentStId, String field) {

		var parent = rows.lock(tenant.id(), parentStId)
			.orElseThrow(() -> new InvalidInputException(field, "no category " + parentStId));
		if (LocalState.DELETED.equals(parent.local().localStatus())) {
			throw new InvalidInputException(field, "category " + parentStId + " is deleted locally");
		}
		return parent.node();
	}

	/**
	 * Outcome of a delete.
	 *
	 * @param removed {@code true} when a never-pushed local create was removed at once
	 * @param item the item, now pending deletion; {@code null} when removed
	 */
	public record Deletion(long stId, boolean removed, @Nullable CategoryView item) {
	}
}
