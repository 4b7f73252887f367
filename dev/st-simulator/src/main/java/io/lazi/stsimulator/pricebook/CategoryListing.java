package io.lazi.stsimulator.pricebook;

import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

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
	 * @return the requested page
	 */
	public static Result list(TenantCategories categories, CategoryListQuery query) {

		Predicate<Category> keep = query.active() == ActiveFilter.TRUE ? Category::active : category -> true;
		var matching = categories.roots().stream()
			.filter(root -> switch (query.active()) {
				case TRUE -> root.active();
				case FALSE -> !root.active();
				case ANY -> true;
			})
			.filter(root -> query.categoryType() == null || root.categoryType() == query.categoryType())
			.map(root -> categories.tree(root, keep))
			.filter(tree -> !query.hasDateFilter() || anyMatches(tree, query))
			.sorted((left, right) -> query.sort().comparator().compare(left.category(), right.category()))
			.toList();
		var from = (long) (query.page() - 1) * query.pageSize();
		var page = matching.stream().skip(from).limit(query.pageSize()).toList();
		var hasMore = from + page.size() < matching.size();
		return new Result(page, hasMore, query.includeTotal() ? matching.size() : null);
	}

	private static boolean anyMatches(CategoryTree tree, CategoryListQuery query) {
		return query.matchesDates(tree.category()) || tree.children().stream().anyMatch(child -> anyMatches(child, query));
	}

	/**
	 * One page of root trees.
	 *
	 * @param data the roots of the page with their nested subtrees
	 * @param hasMore whether further pages exist
	 * @param totalCount the number of matching roots, null unless requested
	 */
	public record Result(List<CategoryTree> data, boolean hasMore, @Nullable Integer totalCount) {
	}
}
