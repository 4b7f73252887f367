package io.lazi.stsimulator.pricebook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.ActiveFilter;
import io.lazi.stsimulator.pricebook.CategoryListQuery;
import io.lazi.stsimulator.pricebook.CategorySort;
import io.lazi.stsimulator.pricebook.CategoryType;
import io.lazi.stsimulator.pricebook.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * The raw query arguments of the category list. Validates them all at once and reports every
 * invalid one in a single 400, as ServiceTitan's model validation does.
 */
record CategoryListArguments(@Nullable Integer page, @Nullable Integer pageSize, @Nullable Boolean includeTotal,
		@Nullable String active, @Nullable String categoryType, @Nullable String sort,
		@Nullable String modifiedOnOrAfter, @Nullable String modifiedBefore, @Nullable String createdOnOrAfter,
		@Nullable String createdBefore) {

	CategoryListQuery toQuery(PricebookSettings settings) {

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
		var type = parse("categoryType", categoryType, CategoryType::parse, null, errors);
		var order = parse("sort", sort, CategorySort::parse, CategorySort.DEFAULT, errors);
		var modifiedFrom = parse("modifiedOnOrAfter", modifiedOnOrAfter, Timestamps::parse, null, errors);
		var modifiedTo = parse("modifiedBefore", modifiedBefore, Timestamps::parse, null, errors);
		var createdFrom = parse("createdOnOrAfter", createdOnOrAfter, Timestamps::parse, null, errors);
		var createdTo = parse("createdBefore", createdBefore, Timestamps::parse, null, errors);
		if (!errors.isEmpty()) {
			throw new ApiException(400, "One or more validation errors occurred.", errors);
		}
		return new CategoryListQuery(effectivePage, effectiveSize, Boolean.TRUE.equals(includeTotal),
				orDefault(activeFilter, ActiveFilter.TRUE), type, modifiedFrom, modifiedTo, createdFrom, createdTo,
				orDefault(order, CategorySort.DEFAULT));
	}

	static <T> @Nullable T parse(String field, @Nullable String value, Function<String, Optional<T>> parser,
			@Nullable T fallback, Map<String, List<String>> errors) {

		if (value == null || value.isBlank()) {
			return fallback;
		}
		var parsed = parser.apply(value);
		if (parsed.isEmpty()) {
			errors.put(field, List.of("The value '%s' is not valid.".formatted(value)));
		}
		return parsed.orElse(fallback);
	}

	static <T> T orDefault(@Nullable T value, T fallback) {
		return value != null ? value : fallback;
	}
}
