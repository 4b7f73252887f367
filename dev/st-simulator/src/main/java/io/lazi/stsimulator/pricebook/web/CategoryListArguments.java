package io.lazi.stsimulator.pricebook.web;

import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.QueryErrors;
import io.lazi.stsimulator.pricebook.CategoryListQuery;
import io.lazi.stsimulator.pricebook.CategorySort;
import io.lazi.stsimulator.pricebook.CategoryType;
import org.jspecify.annotations.Nullable;

/**
 * The raw query arguments of the category list beyond the shared ones: {@code categoryType} and
 * {@code sort}. Invalid ones are reported in the same single 400 as the shared ones.
 */
record CategoryListArguments(@Nullable String categoryType, @Nullable String sort) {

	CategoryListQuery toQuery(ListArguments shared, PricebookSettings settings) {

		var errors = new QueryErrors();
		var type = errors.parse("categoryType", categoryType, CategoryType::parse);
		var order = errors.parse("sort", sort, CategorySort::parse);
		var filter = shared.validate(settings, errors);
		return new CategoryListQuery(filter, type, order == null ? CategorySort.DEFAULT : order);
	}
}
