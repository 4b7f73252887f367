package io.lazi.stsimulator.listing;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code PaginatedResponse_Of_*} envelope.
 *
 * @param page the 1-based page
 * @param pageSize the page size
 * @param hasMore whether further pages exist
 * @param totalCount the number of matching records, null unless requested
 * @param data the page's records as the wire shows them
 */
public record PagedResponse<T>(int page, int pageSize, boolean hasMore, @Nullable Integer totalCount, List<T> data) {

	/**
	 * @param filter the validated request
	 * @param slice the page it selected
	 * @param view the wire shape of one record
	 * @return the envelope
	 */
	public static <R, T> PagedResponse<T> of(ListFilter filter, Slice<R> slice, Function<? super R, T> view) {
		return new PagedResponse<>(filter.page(), filter.pageSize(), slice.hasMore(), slice.totalCount(),
				slice.data().stream().<T>map(view).toList());
	}
}
