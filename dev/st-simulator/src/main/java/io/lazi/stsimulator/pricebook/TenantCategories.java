package io.lazi.stsimulator.pricebook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable snapshot of one tenant's categories, indexed by id and by parent. Edits return a new
 * snapshot, so readers always see a consistent tree. Safe to share between threads.
 */
public final class TenantCategories {

	private static final Comparator<Category> SIBLING_ORDER = Comparator.comparingInt(Category::position)
		.thenComparingLong(Category::id);

	private final Map<Long, Category> byId;

	private final Map<Long, List<Category>> childrenByParent;

	private final List<Category> roots;

	private TenantCategories(Collection<Category> categories) {

		var index = new LinkedHashMap<Long, Category>();
		var children = new LinkedHashMap<Long, List<Category>>();
		var rootList = new ArrayList<Category>();
		categories.forEach(category -> index.put(category.id(), category));
		for (var category : index.values()) {
			if (category.parentId() == null) {
				rootList.add(category);
			}
			else {
				children.computeIfAbsent(category.parentId(), key -> new ArrayList<>()).add(category);
			}
		}
		children.replaceAll((parent, list) -> list.stream().sorted(SIBLING_ORDER).toList());
		rootList.sort(Comparator.comparingLong(Category::id));
		this.byId = Map.copyOf(index);
		this.childrenByParent = Map.copyOf(children);
		this.roots = List.copyOf(rootList);
	}

	/**
	 * Indexes the given categories. A node whose parent is missing is kept but unreachable from a root.
	 *
	 * @param categories the tenant's categories
	 * @return the snapshot
	 */
	public static TenantCategories of(Collection<Category> categories) {
		return new TenantCategories(categories);
	}

	/**
	 * @param id a category id
	 * @return the category, if present
	 */
	public Optional<Category> find(long id) {
		return Optional.ofNullable(byId.get(id));
	}

	/**
	 * @return the root categories ordered by id
	 */
	public List<Category> roots() {
		return roots;
	}

	/**
	 * @param id a category id
	 * @return its children in position order, empty for a leaf
	 */
	public List<Category> children(long id) {
		return childrenByParent.getOrDefault(id, List.of());
	}

	/**
	 * @return every category, roots and subcategories, in no particular order
	 */
	public Collection<Category> all() {
		return byId.values();
	}

	/**
	 * Builds the subtree below a category, dropping any node (and all below it) the filter rejects.
	 *
	 * @param category the subtree's root, included whatever the filter says
	 * @param keep which descendants to keep
	 * @return the subtree
	 */
	public CategoryTree tree(Category category, Predicate<Category> keep) {
		var children = children(category.id()).stream().filter(keep).map(child -> tree(child, keep)).toList();
		return new CategoryTree(category, children);
	}

	/**
	 * @param updated a category with the id of an existing one
	 * @return a snapshot with that category replaced
	 */
	public TenantCategories with(Category updated) {

		var copy = new LinkedHashMap<>(byId);
		copy.put(updated.id(), updated);
		return new TenantCategories(copy.values());
	}

	/**
	 * @param id the category to remove
	 * @return a snapshot without that category and its whole subtree
	 */
	public TenantCategories withoutSubtree(long id) {

		var removed = new HashSet<Long>();
		var pending = new ArrayDeque<Long>(List.of(id));
		while (!pending.isEmpty()) {
			var next = pending.pop();
			removed.add(next);
			children(next).forEach(child -> pending.push(child.id()));
		}
		return new TenantCategories(byId.values().stream().filter(category -> !removed.contains(category.id())).toList());
	}
}
