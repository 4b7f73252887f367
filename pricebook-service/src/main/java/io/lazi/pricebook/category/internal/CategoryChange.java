package io.lazi.pricebook.category.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;

/**
 * One real change of one node, as announced on {@code pricebook.changed}: the node after the change,
 * the event type and the names of the fields that changed.
 *
 * @param type one of the {@code io.lazi.pricebook.category.*.v1} types of {@link Events}
 */
public record CategoryChange(CategoryNode node, EventType<CategoryChanged> type, List<String> changes) {

	/** Fields announced in {@code changes}; the ServiceTitan timestamps are stored but not announced. */
	enum Field {

		PARENT("parent", CategoryNode::parentStId), ROOT("root", CategoryNode::rootStId),
		DEPTH("depth", CategoryNode::depth), PATH("path", CategoryNode::path), NAME("name", CategoryNode::name),
		DESCRIPTION("description", CategoryNode::description), IMAGE("image", CategoryNode::imagePath),
		POSITION("position", CategoryNode::position), ACTIVE("active", CategoryNode::active),
		BUSINESS_UNITS("businessUnitIds", CategoryNode::businessUnitIds),
		CATEGORY_TYPE("categoryType", CategoryNode::categoryType);

		private final String label;

		private final Function<CategoryNode, @Nullable Object> value;

		Field(String label, Function<CategoryNode, @Nullable Object> value) {
			this.label = label;
			this.value = value;
		}

		boolean differs(CategoryNode before, CategoryNode after) {
			return !Objects.equals(value.apply(before), value.apply(after));
		}
	}

	public static final List<String> ALL_FIELDS = Arrays.stream(Field.values()).map(f -> f.label).toList();

	/**
	 * The change from {@code before} (absent for a new node) to {@code after}, or empty when nothing
	 * announced differs. A new parent makes it a move, losing {@code active} a deactivation.
	 */
	public static Optional<CategoryChange> between(@Nullable CategoryNode before, CategoryNode after) {

		if (before == null) {
			return Optional.of(new CategoryChange(after, Events.PRICEBOOK_CATEGORY_CREATED, ALL_FIELDS));
		}
		var changed = new ArrayList<String>();
		for (var field : Field.values()) {
			if (field.differs(before, after)) {
				changed.add(field.label);
			}
		}
		if (changed.isEmpty()) {
			return Optional.empty();
		}
		var type = Field.PARENT.differs(before, after) ? Events.PRICEBOOK_CATEGORY_MOVED
				: before.active() && !after.active() ? Events.PRICEBOOK_CATEGORY_DEACTIVATED
						: Events.PRICEBOOK_CATEGORY_UPDATED;
		return Optional.of(new CategoryChange(after, type, List.copyOf(changed)));
	}

	/** A node that disappeared from ServiceTitan and was deactivated here. */
	public static CategoryChange disappeared(CategoryNode deactivated) {
		return new CategoryChange(deactivated, Events.PRICEBOOK_CATEGORY_DEACTIVATED, List.of(Field.ACTIVE.label));
	}

	/** The moved node and its descendants (new path and depth) as announced changes, {@code before} a move. */
	public static List<CategoryChange> subtreeChanges(List<CategoryNode> before, List<CategoryNode> after) {

		var byId = new HashMap<Long, CategoryNode>();
		before.forEach(node -> byId.put(node.stId(), node));
		return after.stream().map(node -> between(byId.get(node.stId()), node)).flatMap(Optional::stream).toList();
	}
}
