package io.lazi.stsimulator.crm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a CRM list: the records passing the query's filters, in id order.
 *
 * @param totalCount all matching records, when the query asked for it
 */
public record CrmListing<T>(List<T> data, boolean hasMore, @Nullable Integer totalCount) {

	/** Filters and pages {@code records} (in id order). */
	public static <T extends CrmRecord> CrmListing<T> of(List<T> records, CrmQuery query) {

		var matching = records.stream().filter(query::matches).toList();
		var from = (long) (query.page() - 1) * query.pageSize();
		var data = matching.stream().skip(from).limit(query.pageSize()).toList();
		return new CrmListing<>(data, from + data.size() < matching.size(),
				query.includeTotal() ? matching.size() : null);
	}
}
