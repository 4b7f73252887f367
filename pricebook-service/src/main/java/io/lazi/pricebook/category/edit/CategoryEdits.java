package io.lazi.pricebook.category.edit;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.Events;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.EditRefusedException;
import io.lazi.pricebook.category.conflict.CategoryConflicts;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.RevertToSt;
import io.lazi.pricebook.category.internal.StoredNode;
import io.lazi.pricebook.category.tree.CategoryQueries;
import io.lazi.pricebook.category.tree.CategoryView;

/**
 * Local overrides of a tenant's categories: saved at once, pending until pushed to ServiceTitan, each
 * save announced on {@code pricebook.changed} in the same transaction. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryEdits {

	/** Announced in {@code changes} for a CRM visibility change (Lazi-only, never pushed). */
	static final String VISIBLE_CRM = "isVisibleCrm";

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final RevertToSt revert;

	private final CategoryConflicts conflicts;

	private final CategoryQueries queries;

	private final ChangeAnnouncer announcer;

	/**
	 * Saves an override of a root ({@code subcategory} false) or a subcategory. Changed ServiceTitan
	 * fields become pending; {@code isVisibleCrm} is only saved.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such item of that kind
	 * @throws EditRefusedException when the item is locally deleted
	 */
	@Transactional
	public CategoryView override(Tenant tenant, long stId, boolean subcategory, CategoryEdit edit) {

		var stored = rows.lockKind(tenant.id(), stId, subcategory);
		if (LocalState.DELETED.equals(stored.local().localStatus())) {
			throw new EditRefusedException("Category " + stId + " is deleted locally; discard that first");
		}
		var node = stored.node();
		var changed = new ArrayList<String>();
		var values = new HashMap<Field<?>, Object>();
		if (edit.name() != null && !edit.name().equals(node.name())) {
			changed.add(LocalState.NAME);
			values.put(CATEGORY.NAME, edit.name());
		}
		if (edit.imageUploadId() != null && !edit.imageUploadId().equals(stored.local().overrideImageUploadId())) {
			changed.add(LocalState.IMAGE);
			values.put(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, edit.imageUploadId());
		}
		if (edit.position() != null && edit.position() != node.position()) {
			changed.add(LocalState.POSITION);
			values.put(CATEGORY.POSITION, edit.position());
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		if (!changed.isEmpty()) {
			values.putAll(CategoryTable.pendingValues(stored, changed, now));
		}
		var announced = new ArrayList<>(changed);
		if (edit.isVisibleCrm() != null && edit.isVisibleCrm() != stored.local().visibleCrm()) {
			announced.add(VISIBLE_CRM);
			values.put(CATEGORY.VISIBLE_CRM, edit.isVisibleCrm());
		}
		if (!values.isEmpty()) {
			categories.update(tenant.id(), stId, values);
			announcer.announceStored(tenant.id(), stId, Events.PRICEBOOK_CATEGORY_OVERRIDE_SAVED, announced);
		}
		return queries.category(tenant, stId);
	}

	/**
	 * Discards every unpushed local change of the item: it shows ServiceTitan's values again and an
	 * unresolved conflict of it counts as resolved with {@code keep_st}.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such item
	 * @throws EditRefusedException for a local create (delete it instead)
	 */
	@Transactional
	public CategoryView discard(Tenant tenant, long stId) {

		var stored = rows.lockOrNotFound(tenant.id(), stId);
		if (LocalState.CREATED.equals(stored.local().localStatus())) {
			throw new EditRefusedException("Category " + stId + " is a local create; delete it instead");
		}
		if (!stored.local().pending() && stored.local().conflictId() == null) {
			return queries.category(tenant, stId);
		}
		if (stored.local().conflictId() != null) {
			conflicts.resolveDiscarded(tenant, stored.local().conflictId(), stId);
		}
		revert.revert(tenant, stored);
		return queries.category(tenant, stId);
	}

	/** Every item with unpushed local changes, oldest first. */
	@Transactional(readOnly = true)
	public PendingItems pending(Tenant tenant) {

		var items = rows.pending(tenant.id()).stream().map(PendingItems.Item::of).toList();
		return new PendingItems(items.size(), items);
	}
}
