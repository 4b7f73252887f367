package io.lazi.stsimulator.pricebook.sku;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import io.lazi.stsimulator.pricebook.ActiveFilter;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of ServiceTitan's SKU lists ({@code Services_GetList}, {@code Materials_GetList},
 * {@code Equipment_GetList}), already validated.
 *
 * @param page the 1-based page
 * @param pageSize the page size
 * @param includeTotal whether to count all matching SKUs
 * @param active the active filter
 * @param ids only these ids, or all when null
 * @param createdOnOrAfter inclusive lower bound of {@code createdOn}, or null
 * @param createdBefore exclusive upper bound of {@code createdOn}, or null
 * @param modifiedOnOrAfter inclusive lower bound of {@code modifiedOn}, or null
 * @param modifiedBefore exclusive upper bound of {@code modifiedOn}, or null
 * @param searchText case-insensitive part of the display name, code or description, or null
 * @param sort the order
 */
public record SkuQuery(int page, int pageSize, boolean includeTotal, ActiveFilter active, @Nullable Set<Long> ids,
		@Nullable Instant createdOnOrAfter, @Nullable Instant createdBefore, @Nullable Instant modifiedOnOrAfter,
		@Nullable Instant modifiedBefore, @Nullable String searchText, SkuSort sort) {

	/**
	 * @param sku a SKU
	 * @return whether the SKU satisfies every filter
	 */
	public boolean matches(Sku sku) {

		return switch (active) {
			case TRUE -> sku.active();
			case FALSE -> !sku.active();
			case ANY -> true;
		} && (ids == null || ids.contains(sku.id()))
				&& (createdOnOrAfter == null || !sku.createdOn().isBefore(createdOnOrAfter))
				&& (createdBefore == null || sku.createdOn().isBefore(createdBefore))
				&& (modifiedOnOrAfter == null || !sku.modifiedOn().isBefore(modifiedOnOrAfter))
				&& (modifiedBefore == null || sku.modifiedOn().isBefore(modifiedBefore))
				&& (searchText == null || contains(sku.displayName()) || contains(sku.code()) || contains(sku.description()));
	}

	private boolean contains(String field) {
		return field.toLowerCase(Locale.ROOT).contains(searchText.toLowerCase(Locale.ROOT));
	}
}
