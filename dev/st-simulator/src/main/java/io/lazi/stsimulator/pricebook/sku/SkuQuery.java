package io.lazi.stsimulator.pricebook.sku;

import java.util.Locale;
import java.util.Set;

import io.lazi.stsimulator.listing.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of ServiceTitan's SKU lists ({@code Services_GetList}, {@code Materials_GetList},
 * {@code Equipment_GetList}), already validated.
 *
 * @param filter the shared paging, active and date filters
 * @param ids only these ids, or all when null
 * @param searchText case-insensitive part of the display name, code or description, or null
 * @param sort the order
 */
public record SkuQuery(ListFilter filter, @Nullable Set<Long> ids, @Nullable String searchText, SkuSort sort) {

	/**
	 * @param sku a SKU
	 * @return whether the SKU satisfies every filter
	 */
	public boolean matches(Sku sku) {

		return filter.matches(sku) && (ids == null || ids.contains(sku.id()))
				&& (searchText == null || contains(sku.displayName()) || contains(sku.code()) || contains(sku.description()));
	}

	private boolean contains(String field) {
		return field.toLowerCase(Locale.ROOT).contains(searchText.toLowerCase(Locale.ROOT));
	}
}
