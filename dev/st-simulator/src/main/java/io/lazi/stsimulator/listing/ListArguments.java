package io.lazi.stsimulator.listing;

import org.jspecify.annotations.Nullable;

/**
 * The raw paging and filter arguments every ServiceTitan list shares, bound from the query string by
 * name (a controller method takes this record as a parameter, beside a record of the list's own
 * filters if it has some).
 */
public record ListArguments(@Nullable Integer page, @Nullable Integer pageSize, @Nullable Boolean includeTotal,
		@Nullable String active, @Nullable String modifiedOnOrAfter, @Nullable String modifiedBefore,
		@Nullable String createdOnOrAfter, @Nullable String createdBefore) {

	/**
	 * For lists ServiceTitan gives no {@code active} filter: a client-sent one is ignored.
	 *
	 * @return these arguments without {@code active}
	 */
	public ListArguments withoutActive() {
		return new ListArguments(page, pageSize, includeTotal, null, modifiedOnOrAfter, modifiedBefore,
				createdOnOrAfter, createdBefore);
	}

	/**
	 * For lists whose {@code active} default is not ServiceTitan's usual {@code True} (the job cancel and hold
	 * reasons return everything; a team list has {@code includeInactive} instead).
	 *
	 * @param value the {@code active} wire value to use when the client sent none
	 * @return these arguments with {@code active} defaulted
	 */
	public ListArguments withDefaultActive(String value) {
		return active != null && !active.isBlank() ? this
				: new ListArguments(page, pageSize, includeTotal, value, modifiedOnOrAfter, modifiedBefore, createdOnOrAfter,
						createdBefore);
	}

	/**
	 * Validates a list without filters of its own.
	 *
	 * @see #validate(PageLimits, QueryErrors)
	 */
	public ListFilter validate(PageLimits limits) {
		return validate(limits, new QueryErrors());
	}

	/**
	 * Validates these arguments together with the list's own filters, already parsed into
	 * {@code ownFilters}, and answers every invalid one in a single 400 {@code ApiErrorResponse}, in
	 * ServiceTitan's parameter order: paging, {@code active}, the list's own filters, the dates.
	 *
	 * @param limits the page sizes the list accepts
	 * @param ownFilters the errors of the list's own filters, empty when they are all valid
	 * @return the validated filter; {@code active} defaults to {@link ActiveFilter#TRUE}
	 * @throws io.lazi.stsimulator.errors.ApiException a 400 when any argument is invalid
	 */
	public ListFilter validate(PageLimits limits, QueryErrors ownFilters) {

		var errors = new QueryErrors();
		var effectivePage = page == null ? 1 : page;
		if (effectivePage < 1) {
			errors.reject("page", "The field page must be between 1 and 2147483647.");
		}
		var effectiveSize = pageSize == null ? limits.defaultPageSize() : pageSize;
		if (effectiveSize < 1 || effectiveSize > limits.maxPageSize()) {
			errors.reject("pageSize", "The field pageSize must be between 1 and %d.".formatted(limits.maxPageSize()));
		}
		var activeFilter = errors.parse("active", active, ActiveFilter::parse);
		errors.addAll(ownFilters);
		var modifiedFrom = errors.parse("modifiedOnOrAfter", modifiedOnOrAfter, Timestamps::parse);
		var modifiedTo = errors.parse("modifiedBefore", modifiedBefore, Timestamps::parse);
		var createdFrom = errors.parse("createdOnOrAfter", createdOnOrAfter, Timestamps::parse);
		var createdTo = errors.parse("createdBefore", createdBefore, Timestamps::parse);
		errors.throwIfAny();
		return new ListFilter(effectivePage, effectiveSize, Boolean.TRUE.equals(includeTotal),
				activeFilter == null ? ActiveFilter.TRUE : activeFilter, modifiedFrom, modifiedTo, createdFrom, createdTo);
	}
}
