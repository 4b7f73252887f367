package io.lazi.stsimulator.pricebook.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code PaginatedResponse_Of_*} envelope.
 */
record PagedResponse<T>(int page, int pageSize, boolean hasMore, @Nullable Integer totalCount, List<T> data) {
}
