package io.lazi.stsimulator.pricebook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of ServiceTitan's category list, already validated.
 *
 * @param page the 1-based page
 * @param pageSize the page size
 * @param includeTotal whether to count all matching roots
 * @param active the active filter
 * @param categoryType only roots of this type, or all when null
 * @param modifiedOnOrAfter inclusive lower bound of {@code modifiedOn}, or null
 * @param modifiedBefore exclusive upper bound of {@code modifiedOn}, or null
 * @param createdOnOrAfter inclusive lower bound of {@code createdOn}, or null
 * @param createdBefore exclusive upper bound of {@code createdOn}, or null
 * @param sort the order of the roots
 */
public record CategoryListQuery(int page, int pageSize, boolean includeTotal, ActiveFilter active,
		@Nullable CategoryType categoryType, @Nullable Instant modifiedOnOrAfter, @Nullable Instant modifiedBefore,
		@Nullable Instant createdOnOrAfter, @Nullable Instant createdBefore, CategorySort sort) {

	/**
	 * @param category a category
	 * @return whether the category satisfies every date filter
	 */
	boolean matchesDates(Category category) {
		return (modifiedOnOrAfter == null || !category.modifiedOn().isBefore(modifiedOnOrAfter))
				&& (modifiedBefore == null || category.modifiedOn().isBefore(modifiedBefore))
				&& (createdOnOrAfter == null || !category.createdOn().isBefore(createdOnOrAfter))
				&& (createdBefore == null || category.createdOn().isBefore(createdBefore));
	}

	boolean hasDateFilter() {
		return modifiedOnOrAfter != null || modifiedBefore != null || createdOnOrAfter != null || createdBefore != null;
	}
}
