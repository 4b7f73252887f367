package io.lazi.stsimulator.pricebook;

import java.util.function.Predicate;

import io.lazi.stsimulator.listing.ActiveFilter;
import io.lazi.stsimulator.listing.ListFilter;
import io.lazi.stsimulator.listing.Slice;

/**
 * Answers ServiceTitan's category list: root categories (those without a parent) with their
 * subcategories nested to any depth.
 * <p>
 * Filter semantics (ServiceTitan does not document them for nested trees; these are the simulator's
 * assumptions):
 * <ul>
 * <li>{@code active=True} keeps active roots and prunes every inactive node, with everything below
 * it, from the nested trees; {@code False} keeps inactive roots and {@code Any} all roots, each with
 * its whole subtree.</li>
 * <li>The date filters ({@code modifiedOnOrAfter}, {@code modifiedBefore}, {@code createdOnOrAfter},
 * {@code createdBefore}) include a root when the root itself or <em>any</em> node of its (pruned)
 * subtree satisfies all of them together; an included root always carries its whole (pruned)
 * subtree, not only the matching nodes. This way an incremental sync by {@code modifiedOnOrAfter}
 * sees a change made deep in a tree.</li>
 * <li>{@code categoryType} filters roots; subcategories share their root's type.</li>
 * <li>{@code sort} orders the roots; nested subcategories are always in position order.</li>
 * </ul>
 */
public final class CategoryListing {

	private CategoryListing() {
	}

	/**
	 * @param categories the tenant's snapshot
	 * @param query the validated arguments
	 * @return the requested page of root trees, each with its nested subtree
	 */
	public static Slice<CategoryTree> list(TenantCategories categories, CategoryListQuery query) {

		var filter = query.filter();
		Predicate<Category> keep = filter.active() == ActiveFilter.TRUE ? Category::active : category -> true;
		var matching = categories.roots().stream()
			.filter(root -> filter.active().admits(root.active()))
			.filter(root -> query.categoryType() == null || root.categoryType() == query.categoryType())
			.map(root -> categories.tree(root, keep))
			.filter(tree -> !filter.hasDateFilter() || anyMatches(tree, filter))
			.sorted((left, right) -> query.sort().comparator().compare(left.category(), right.category()))
			.toList();
		return filter.page(matching);
	}

	private static boolean anyMatches(CategoryTree tree, ListFilter filter) {
		return filter.matchesDates(tree.category()) || tree.children().stream().anyMatch(child -> anyMatches(child, filter));
	}
}
