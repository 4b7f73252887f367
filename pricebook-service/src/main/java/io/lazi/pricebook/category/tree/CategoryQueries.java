package io.lazi.pricebook.category.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.tree.internal.CategoryReadRepository;
import io.lazi.pricebook.listing.ActiveFilter;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;

/**
 * Read side of a tenant's category tree. Another tenant's category counts as missing. Thread-safe.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryQueries {

	private final CategoryReadRepository categories;

	/** Root categories of the tenant by position. */
	public Page<CategoryView> roots(Tenant tenant, ActiveFilter filter, PageRequest page) {
		return Page.of(categories.roots(tenant, filter, page), page, categories.countRoots(tenant, filter));
	}

	/**
	 * One root or subcategory.
	 *
	 * @throws ResourceNotFoundException when the tenant has no category {@code stId}
	 */
	public CategoryView category(Tenant tenant, long stId) {
		return categories.find(tenant, stId).orElseThrow(() -> notFound(stId));
	}

	/**
	 * The category with its whole subtree nested in {@code children}, siblings by position.
	 *
	 * @throws ResourceNotFoundException when the tenant has no category {@code stId}
	 */
	public CategoryTreeView tree(Tenant tenant, long stId) {
		return tree(tenant, stId, false);
	}

	/**
	 * The category with its subtree; nodes pending a local delete only {@code withDeleted}.
	 *
	 * @throws ResourceNotFoundException when the tenant has no category {@code stId}
	 */
	public CategoryTreeView tree(Tenant tenant, long stId, boolean withDeleted) {

		var nodes = categories.subtree(tenant, stId, withDeleted);
		var anchor = nodes.stream().filter(n -> n.stId() == stId).findFirst().orElseThrow(() -> notFound(stId));
		var children = new HashMap<Long, List<CategoryView>>();
		for (var node : nodes) {
			if (node.parentStId() != null && node.stId() != stId) {
				children.computeIfAbsent(node.parentStId(), id -> new ArrayList<>()).add(node);
			}
		}
		return nest(anchor, children);
	}

	/**
	 * The descendants of a category; nodes pending a local delete only {@code withDeleted}.
	 *
	 * @throws ResourceNotFoundException when the tenant has no category {@code stId}
	 */
	public Page<CategoryView> descendants(Tenant tenant, long stId, boolean withDeleted, PageRequest page) {

		category(tenant, stId);
		return Page.of(categories.descendants(tenant, stId, withDeleted, page), page,
				categories.countDescendants(tenant, stId, withDeleted));
	}

	/** Counts of the tenant's tree and its last applied sync run. */
	public CategoryStats stats(Tenant tenant) {

		var totals = categories.totals(tenant);
		var byDepth = new LinkedHashMap<String, Integer>();
		categories.activeSubcategoriesByDepth(tenant).forEach(d -> byDepth.put(Integer.toString(d.depth()), d.count()));
		var lastRun = categories.lastRun(tenant);
		return new CategoryStats(tenant.id(), totals.roots(), totals.subcategories(), byDepth, totals.withImage(),
				totals.inactive(), lastRun.map(CategoryReadRepository.LastRun::appliedAt).orElse(null),
				lastRun.map(CategoryReadRepository.LastRun::syncRunId).orElse(null));
	}

	/**
	 * Nests children below {@code node}; the recursion is as deep as the tree. Each child list is taken
	 * once, so even inconsistent parent links cannot loop.
	 */
	private static CategoryTreeView nest(CategoryView node, Map<Long, List<CategoryView>> children) {

		var own = children.remove(node.stId());
		var nested = (own == null ? List.<CategoryView>of() : own)
			.stream()
			.sorted(Comparator.comparingInt(CategoryView::position).thenComparingLong(CategoryView::stId))
			.map(child -> nest(child, children))
			.toList();
		return new CategoryTreeView(node, nested);
	}

	private static ResourceNotFoundException notFound(long stId) {
		return new ResourceNotFoundException("Category", stId);
	}
}
