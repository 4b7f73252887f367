package io.lazi.stsimulator.pricebook;

import io.lazi.stsimulator.listing.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of ServiceTitan's category list, already validated.
 *
 * @param filter the shared paging, active and date filters
 * @param categoryType only roots of this type, or all when null
 * @param sort the order of the roots
 */
public record CategoryListQuery(ListFilter filter, @Nullable CategoryType categoryType, CategorySort sort) {
}
