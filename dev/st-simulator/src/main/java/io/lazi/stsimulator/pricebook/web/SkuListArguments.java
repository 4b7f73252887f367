package io.lazi.stsimulator.pricebook.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.QueryErrors;
import io.lazi.stsimulator.pricebook.sku.SkuQuery;
import io.lazi.stsimulator.pricebook.sku.SkuSort;
import org.jspecify.annotations.Nullable;

/**
 * The raw query arguments of the SKU lists beyond the shared ones, bound from the query string by
 * name; invalid ones are reported in the same single 400 as the shared ones. {@code ids} is a
 * comma-separated list of at most 50 ids; {@code searchText} matches part of the display name, code
 * or description, ignoring case. Arguments the simulator does not model ({@code calculatePrices},
 * {@code externalData*}, {@code isOtherDirectCost}, {@code costTypeIds}) are accepted and ignored.
 */
record SkuListArguments(@Nullable String ids, @Nullable String sort, @Nullable String searchText) {

	private static final int MAX_IDS = 50;

	SkuQuery toQuery(ListArguments shared, PricebookSettings settings) {

		var errors = new QueryErrors();
		var idSet = errors.parse("ids", ids, SkuListArguments::parseIds);
		var order = errors.parse("sort", sort, SkuSort::parse);
		var filter = shared.validate(settings, errors);
		return new SkuQuery(filter, idSet, searchText == null || searchText.isBlank() ? null : searchText.strip(),
				order == null ? SkuSort.DEFAULT : order);
	}

	private static Optional<Set<Long>> parseIds(String value) {

		try {
			var parsed = Arrays.stream(value.split(","))
				.map(String::strip)
				.filter(part -> !part.isEmpty())
				.map(Long::valueOf)
				.collect(Collectors.toCollection(LinkedHashSet::new));
			return parsed.size() > MAX_IDS ? Optional.empty() : Optional.of(Set.copyOf(parsed));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}
}
