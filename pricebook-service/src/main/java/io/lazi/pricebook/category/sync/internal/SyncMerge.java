package io.lazi.pricebook.category.sync.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.NodeWrite;
import io.lazi.pricebook.category.internal.StoredNode;

/**
 * Decides what a pulled ServiceTitan node does to a stored row. Without pending local changes the row
 * takes ServiceTitan's values. With them, ServiceTitan's values go to the {@code st_*} columns and to the
 * effective fields that are not pending; the pending fields stay local. Pure and thread-safe.
 */
final class SyncMerge {

	private static final Map<String, Accessor> ACCESSORS = Map.of(
			LocalState.NAME, new Accessor(CategoryNode::name, LocalState::stName),
			LocalState.IMAGE, new Accessor(CategoryNode::imagePath, LocalState::stImagePath),
			LocalState.POSITION, new Accessor(CategoryNode::position, LocalState::stPosition),
			LocalState.PARENT, new Accessor(CategoryNode::parentStId, LocalState::stParentStId));

	private SyncMerge() {
	}

	/** What the pull means for the row. */
	enum Outcome {

		/** No pending local change: ServiceTitan's values apply. */
		APPLIED,

		/** Pending local change untouched by ServiceTitan: it stays pending. */
		KEPT,

		/** ServiceTitan already holds exactly the local values: no longer pending. */
		SETTLED,

		/** ServiceTitan changed what is pending locally. */
		BOTH_MODIFIED,

		/** A local delete is pending and ServiceTitan changed the item. */
		LOCAL_DELETED_ST_MODIFIED
	}

	record Decision(NodeWrite write, Outcome outcome) {
	}

	/**
	 * @param inFlight whether a push command of the item awaits its outcome: a changed ServiceTitan image
	 *        then is taken for our own upload having landed, not for a concurrent change
	 */
	static Decision decide(@Nullable StoredNode stored, CategoryNode st, boolean inFlight) {

		if (stored == null || !stored.local().pending()) {
			return new Decision(new NodeWrite(st, st), Outcome.APPLIED);
		}
		var local = stored.local();
		var before = stored.node();
		if (LocalState.DELETED.equals(local.localStatus())) {
			var changed = LocalState.ST_FIELDS.stream().anyMatch(f -> !Objects.equals(value(st, f), stValue(local, f)));
			return new Decision(new NodeWrite(merge(before, st, LocalState.ST_FIELDS), st),
					changed && newer(st, local) ? Outcome.LOCAL_DELETED_ST_MODIFIED : Outcome.KEPT);
		}
		var pending = local.pendingFields();
		var holdsLocal = pending.stream()
			.allMatch(f -> LocalState.IMAGE.equals(f) ? inFlight && !Objects.equals(st.imagePath(), local.stImagePath())
					: Objects.equals(value(st, f), value(before, f)));
		if (holdsLocal) {
			return new Decision(new NodeWrite(st, st), Outcome.SETTLED);
		}
		var stChanged = pending.stream().anyMatch(f -> !Objects.equals(value(st, f), stValue(local, f)));
		return new Decision(new NodeWrite(merge(before, st, pending), st),
				stChanged && newer(st, local) ? Outcome.BOTH_MODIFIED : Outcome.KEPT);
	}

	/** ServiceTitan's node with the {@code localFields} taken from {@code before}. */
	static CategoryNode merge(CategoryNode before, CategoryNode st, List<String> localFields) {

		var parentLocal = localFields.contains(LocalState.PARENT);
		return new CategoryNode(st.stId(), parentLocal ? before.parentStId() : st.parentStId(),
				parentLocal ? before.rootStId() : st.rootStId(), parentLocal ? before.depth() : st.depth(),
				parentLocal ? before.path() : st.path(), localFields.contains(LocalState.NAME) ? before.name() : st.name(),
				st.description(), localFields.contains(LocalState.IMAGE) ? before.imagePath() : st.imagePath(),
				localFields.contains(LocalState.POSITION) ? before.position() : st.position(), st.active(), st.businessUnitIds(),
				st.categoryType(), st.createdOn(), st.modifiedOn());
	}

	private static boolean newer(CategoryNode st, LocalState local) {
		return local.baseStModifiedOn() == null || st.modifiedOn() == null
				|| st.modifiedOn().isAfter(local.baseStModifiedOn());
	}

	private static @Nullable Object value(CategoryNode node, String field) {
		return accessor(field).value().apply(node);
	}

	private static @Nullable Object stValue(LocalState local, String field) {
		return accessor(field).stValue().apply(local);
	}

	private static Accessor accessor(String field) {

		var accessor = ACCESSORS.get(field);
		if (accessor == null) {
			throw new IllegalArgumentException("Unknown field " + field);
		}
		return accessor;
	}

	/** Where a pending field's effective value and ServiceTitan's last known value are kept. */
	private record Accessor(Function<CategoryNode, @Nullable Object> value,
			Function<LocalState, @Nullable Object> stValue) {
	}
}
