package io.lazi.pricebook.sku;

import io.lazi.pricebook.listing.ActiveFilter;

import org.jspecify.annotations.Nullable;

/**
 * Which SKUs of one kind a listing returns.
 *
 * @param categoryStId only SKUs linked to this category, or {@code null} for any
 * @param includeSubcategories with {@code categoryStId}: also SKUs linked to any of its descendants
 * @param search case-insensitive substring of code, display name or description, or {@code null}
 * @throws IllegalArgumentException when {@code includeSubcategories} is set without a category
 */
public record SkuFilter(@Nullable Long categoryStId, boolean includeSubcategories, @Nullable String search,
		ActiveFilter active) {

	/** Longest search term accepted. */
	public static final int MAX_SEARCH_LENGTH = 200;

	public SkuFilter {
		if (includeSubcategories && categoryStId == null) {
			throw new IllegalArgumentException("includeSubcategories needs a categoryId");
		}
		search = search == null || search.isBlank() ? null : search.trim();
		if (search != null && search.length() > MAX_SEARCH_LENGTH) {
			throw new IllegalArgumentException("search must be at most " + MAX_SEARCH_LENGTH + " characters");
		}
	}
}
