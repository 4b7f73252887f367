package io.lazi.pricebook.category.sync.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StCategory;
import io.lazi.pricebook.category.internal.CategoryNode;

/**
 * Flattens one ServiceTitan root category and its nested subcategories into {@link CategoryNode}s.
 * The nesting is authoritative: a node's parent is the category it is nested in. Pure and
 * thread-safe.
 */
public final class CategoryTree {

	private CategoryTree() {
	}

	/**
	 * The nodes of the tree breadth-first: the root first, every parent before its children, siblings
	 * by position then id.
	 *
	 * @throws IllegalArgumentException when the root has a parent, an id occurs twice, or a node lacks
	 *         its name or category type; such a record can never be applied
	 */
	public static List<CategoryNode> flatten(StCategory root) {

		if (root.parentId() != null) {
			throw new IllegalArgumentException(
					"Category " + root.id() + " is not a root: its parentId is " + root.parentId());
		}
		return flatten(root, null, root.id());
	}

	/**
	 * The nodes of the subtree of {@code top} placed under {@code parent} (a stored node; {@code null}
	 * for a root) in a tree of root {@code rootStId}, breadth-first like {@link #flatten(StCategory)}.
	 */
	static List<CategoryNode> flatten(StCategory top, @Nullable CategoryNode parent, long rootStId) {

		var nodes = new ArrayList<CategoryNode>();
		var seen = new HashSet<Long>();
		var queue = new ArrayDeque<Pending>();
		queue.add(new Pending(top, parent));
		while (!queue.isEmpty()) {
			var pending = queue.poll();
			var node = node(pending.category(), pending.parent(), rootStId);
			if (!seen.add(node.stId())) {
				throw new IllegalArgumentException("Category " + node.stId() + " occurs twice in the tree of " + top.id());
			}
			nodes.add(node);
			pending.category()
				.children()
				.stream()
				.sorted(Comparator.comparingInt(StCategory::position).thenComparingLong(StCategory::id))
				.forEach(child -> queue.add(new Pending(child, node)));
		}
		return nodes;
	}

	private static CategoryNode node(StCategory category, @Nullable CategoryNode parent, long rootStId) {

		if (category.name() == null || category.categoryType() == null) {
			throw new IllegalArgumentException("Category " + category.id() + " lacks its name or categoryType");
		}
		var path = parent == null ? Long.toString(category.id()) : parent.path() + "." + category.id();
		var businessUnits = category.businessUnitIds() == null ? List.<Long>of()
				: category.businessUnitIds().stream().filter(Objects::nonNull).sorted().toList();
		return new CategoryNode(category.id(), parent == null ? null : parent.stId(), rootStId,
				parent == null ? 0 : parent.depth() + 1, path, category.name(), category.description(),
				category.image(), category.position(), category.active(), businessUnits, category.categoryType(),
				micros(category.createdOn()), micros(category.modifiedOn()));
	}

	private static @Nullable Instant micros(@Nullable Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	private record Pending(StCategory category, @Nullable CategoryNode parent) {
	}
}
