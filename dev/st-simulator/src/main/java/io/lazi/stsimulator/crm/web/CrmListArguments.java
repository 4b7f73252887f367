package io.lazi.stsimulator.crm.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.lazi.stsimulator.crm.CrmQuery;
import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.ActiveFilter;
import io.lazi.stsimulator.pricebook.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * The raw paging and filter arguments every CRM list shares, bound from the query string by name
 * (a controller method takes this record as a parameter). Validates them all at once and reports
 * every invalid one in a single 400, as ServiceTitan's model validation does.
 */
record CrmListArguments(@Nullable Integer page, @Nullable Integer pageSize, @Nullable Boolean includeTotal,
		@Nullable String active, @Nullable String modifiedOnOrAfter, @Nullable String modifiedBefore,
		@Nullable String createdOnOrAfter, @Nullable String createdBefore) {

	/** For lists ServiceTitan gives no {@code active} filter: a client-sent one is ignored. */
	CrmListArguments withoutActive() {
		return new CrmListArguments(page, pageSize, includeTotal, null, modifiedOnOrAfter, modifiedBefore,
				createdOnOrAfter, createdBefore);
	}

	CrmQuery toQuery(CrmSettings settings) {

		var errors = new LinkedHashMap<String, List<String>>();
		var effectivePage = page == null ? 1 : page;
		if (effectivePage < 1) {
			errors.put("page", List.of("The field page must be between 1 and 2147483647."));
		}
		var effectiveSize = pageSize == null ? settings.defaultPageSize() : pageSize;
		if (effectiveSize < 1 || effectiveSize > settings.maxPageSize()) {
			errors.put("pageSize", List.of("The field pageSize must be between 1 and %d.".formatted(settings.maxPageSize())));
		}
		var activeFilter = parse("active", active, ActiveFilter::parse, errors);
		var modifiedFrom = parse("modifiedOnOrAfter", modifiedOnOrAfter, Timestamps::parse, errors);
		var modifiedTo = parse("modifiedBefore", modifiedBefore, Timestamps::parse, errors);
		var createdFrom = parse("createdOnOrAfter", createdOnOrAfter, Timestamps::parse, errors);
		var createdTo = parse("createdBefore", createdBefore, Timestamps::parse, errors);
		if (!errors.isEmpty()) {
			throw new ApiException(400, "One or more validation errors occurred.", errors);
		}
		return new CrmQuery(effectivePage, effectiveSize, Boolean.TRUE.equals(includeTotal),
				activeFilter == null ? ActiveFilter.TRUE : activeFilter, modifiedFrom, modifiedTo, createdFrom, createdTo);
	}

	private static <T> @Nullable T parse(String field, @Nullable String value, Function<String, Optional<T>> parser,
			Map<String, List<String>> errors) {

		if (value == null || value.isBlank()) {
			return null;
		}
		var parsed = parser.apply(value);
		if (parsed.isEmpty()) {
			errors.put(field, List.of("The value '%s' is not valid.".formatted(value)));
		}
		return parsed.orElse(null);
	}
}
