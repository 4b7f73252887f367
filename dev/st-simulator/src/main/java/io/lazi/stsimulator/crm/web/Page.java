package io.lazi.stsimulator.crm.web;

import java.util.List;
import java.util.function.Function;

import io.lazi.stsimulator.crm.CrmListing;
import io.lazi.stsimulator.crm.CrmQuery;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code PaginatedResponse_Of_*} envelope.
 */
record Page<T>(int page, int pageSize, boolean hasMore, @Nullable Integer totalCount, List<T> data) {

	static <R, T> Page<T> of(CrmQuery query, CrmListing<R> listing, Function<R, T> view) {
		return new Page<>(query.page(), query.pageSize(), listing.hasMore(), listing.totalCount(),
				listing.data().stream().map(view).toList());
	}
}
