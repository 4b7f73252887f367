package io.lazi.pricebook.category.tree.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.tree.CategoryQueries;
import io.lazi.pricebook.category.tree.CategoryStats;
import io.lazi.pricebook.category.tree.CategoryTreeView;
import io.lazi.pricebook.category.tree.CategoryView;
import io.lazi.pricebook.listing.ActiveFilter;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;

/**
 * The tenant's category tree, read-only: effective values beside ServiceTitan's and the local edit state. The tenant comes from the gateway's {@code X-Tenant-ID};
 * another tenant's category answers 404, bad paging or a non-numeric id 400 naming the field.
 */
@Tag(name = "Categories", description = "The category tree: ServiceTitan's values beside the local overrides and the edit state.")
@RestController
@RequestMapping("/api/pricebook/categories")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CategoryController {

	private final CategoryQueries categories;

	/** Root categories by position; {@code active} is {@code true} (default), {@code false} or {@code all}. */
	@Operation(summary = "List the root categories",
			description = "By position; `active` is `true` (default), `false` or `all`.")
	@GetMapping
	Page<CategoryView> roots(Tenant tenant, PageRequest page, @RequestParam(defaultValue = "true") String active) {
		return categories.roots(tenant, ActiveFilter.of(active), page);
	}

	@Operation(summary = "Count roots and subcategories per depth")
	@GetMapping("/stats")
	CategoryStats stats(Tenant tenant) {
		return categories.stats(tenant);
	}

	@Operation(summary = "Read one category or subcategory")
	@GetMapping("/{stId}")
	CategoryView category(Tenant tenant, @PathVariable long stId) {
		return categories.category(tenant, stId);
	}

	/** The subtree; {@code active=all} also shows subcategories pending a local delete. */
	@Operation(summary = "Read a category's subtree",
			description = "`active=all` also shows subcategories pending a local delete.")
	@GetMapping("/{stId}/subcategories/tree")
	CategoryTreeView tree(Tenant tenant, @PathVariable long stId, @RequestParam(defaultValue = "true") String active) {
		return categories.tree(tenant, stId, withDeleted(active));
	}

	/** The descendants; {@code active=all} also shows subcategories pending a local delete. */
	@Operation(summary = "List a category's descendants",
			description = "`active=all` also shows subcategories pending a local delete.")
	@GetMapping("/{stId}/subcategories/flat")
	Page<CategoryView> flat(Tenant tenant, @PathVariable long stId, PageRequest page,
			@RequestParam(defaultValue = "true") String active) {
		return categories.descendants(tenant, stId, withDeleted(active), page);
	}

	/** Subtree reads show inactive nodes as ever; {@code all} adds those pending a local delete. */
	private static boolean withDeleted(String active) {
		return switch (active.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> false;
			case "all" -> true;
			default -> throw new InvalidInputException("active", "must be true or all");
		};
	}
}
