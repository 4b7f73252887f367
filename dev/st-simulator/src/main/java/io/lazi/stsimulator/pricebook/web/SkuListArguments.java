package io.lazi.stsimulator.pricebook.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.ActiveFilter;
import io.lazi.stsimulator.pricebook.Timestamps;
import io.lazi.stsimulator.pricebook.sku.SkuQuery;
import io.lazi.stsimulator.pricebook.sku.SkuSort;
import org.jspecify.annotations.Nullable;

import static io.lazi.stsimulator.pricebook.web.CategoryListArguments.orDefault;
import static io.lazi.stsimulator.pricebook.web.CategoryListArguments.parse;

/**
 * The raw query arguments of the SKU lists, validated all at once: every invalid one is reported in
 * a single 400. {@code ids} is a comma-separated list of at most 50 ids; {@code searchText} matches
 * part of the display name, code or description, ignoring case. Arguments the simulator does not
 * model ({@code calculatePrices}, {@code externalData*}, {@code isOtherDirectCost},
 * {@code costTypeIds}) are accepted and ignored.
 */
record SkuListArguments(@Nullable Integer page, @Nullable Integer pageSize, @Nullable Boolean includeTotal,
		@Nullable String active, @Nullable String ids, @Nullable String sort, @Nullable String modifiedOnOrAfter,
		@Nullable String modifiedBefore, @Nullable String createdOnOrAfter, @Nullable String createdBefore,
		@Nullable String searchText) {

	private static final int MAX_IDS = 50;

	SkuQuery toQuery(PricebookSettings settings) {

		var errors = new LinkedHashMap<String, List<String>>();
		var effectivePage = page == null ? 1 : page;
		if (effectivePage < 1) {
			errors.put("page", List.of("The field page must be between 1 and 2147483647."));
		}
		var effectiveSize = pageSize == null ? settings.defaultPageSize() : pageSize;
		if (effectiveSize < 1 || effectiveSize > settings.maxPageSize()) {
			errors.put("pageSize", List.of("The field pageSize must be between 1 and %d.".formatted(settings.maxPageSize())));
		}
		var activeFilter = parse("active", active, ActiveFilter::parse, ActiveFilter.TRUE, errors);
		var idSet = parse("ids", ids, SkuListArguments::parseIds, null, errors);
		var order = parse("sort", sort, SkuSort::parse, SkuSort.DEFAULT, errors);
		var modifiedFrom = parse("modifiedOnOrAfter", modifiedOnOrAfter, Timestamps::parse, null, errors);
		var modifiedTo = parse("modifiedBefore", modifiedBefore, Timestamps::parse, null, errors);
		var createdFrom = parse("createdOnOrAfter", createdOnOrAfter, Timestamps::parse, null, errors);
		var createdTo = parse("createdBefore", createdBefore, Timestamps::parse, null, errors);
		if (!errors.isEmpty()) {
			throw new ApiException(400, "One or more validation errors occurred.", errors);
		}
		return new SkuQuery(effectivePage, effectiveSize, Boolean.TRUE.equals(includeTotal),
				orDefault(activeFilter, ActiveFilter.TRUE), idSet, createdFrom, createdTo, modifiedFrom, modifiedTo,
				searchText == null || searchText.isBlank() ? null : searchText.strip(), orDefault(order, SkuSort.DEFAULT));
	}

	private static Optional<Set<Long>> parseIds(String value) {

		try {
			var parsed = Arrays.stream(value.split(","))
				.map(String::strip)
				.filter(part -> !part.isEmpty())
				.map(Long::valueOf)
				.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
			return parsed.size() > MAX_IDS ? Optional.empty() : Optional.of(Set.copyOf(parsed));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}
}
