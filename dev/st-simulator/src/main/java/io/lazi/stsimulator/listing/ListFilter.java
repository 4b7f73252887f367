package io.lazi.stsimulator.listing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The validated paging and filters every ServiceTitan list shares, all date bounds as ServiceTitan
 * defines them ("OnOrAfter" inclusive, "Before" exclusive).
 *
 * @param page the 1-based page
 * @param pageSize the page size
 * @param includeTotal whether to count all matching records
 * @param active the active filter
 * @param modifiedOnOrAfter inclusive lower bound of {@code modifiedOn}, or null
 * @param modifiedBefore exclusive upper bound of {@code modifiedOn}, or null
 * @param createdOnOrAfter inclusive lower bound of {@code createdOn}, or null
 * @param createdBefore exclusive upper bound of {@code createdOn}, or null
 */
public record ListFilter(int page, int pageSize, boolean includeTotal, ActiveFilter active,
		@Nullable Instant modifiedOnOrAfter, @Nullable Instant modifiedBefore, @Nullable Instant createdOnOrAfter,
		@Nullable Instant createdBefore) {

	/**
	 * @param record a record
	 * @return whether the record passes the active filter and every date bound
	 */
	public boolean matches(ListedRecord record) {
		return active.admits(record.active()) && matchesDates(record);
	}

	/**
	 * @param record a record
	 * @return whether the record satisfies every date bound
	 */
	public boolean matchesDates(ListedRecord record) {
		return (modifiedOnOrAfter == null || !record.modifiedOn().isBefore(modifiedOnOrAfter))
				&& (modifiedBefore == null || record.modifiedOn().isBefore(modifiedBefore))
				&& (createdOnOrAfter == null || !record.createdOn().isBefore(createdOnOrAfter))
				&& (createdBefore == null || record.createdOn().isBefore(createdBefore));
	}

	/**
	 * @return whether any date bound is set
	 */
	public boolean hasDateFilter() {
		return modifiedOnOrAfter != null || modifiedBefore != null || createdOnOrAfter != null || createdBefore != null;
	}

	/**
	 * Filters records by {@link #matches} and pages them, keeping their order.
	 *
	 * @param records every record of the list, in the list's order
	 * @return the page
	 */
	public <T extends ListedRecord> Slice<T> select(List<T> records) {
		return page(records.stream().filter(this::matches).toList());
	}

	/**
	 * Cuts the requested page out of everything that matched, in order.
	 *
	 * @param matching every matching record, in the list's order
	 * @return the page, with {@code hasMore} and the total when it was asked for
	 */
	public <T> Slice<T> page(List<T> matching) {

		var from = (long) (page - 1) * pageSize;
		var data = matching.stream().skip(from).limit(pageSize).toList();
		return new Slice<>(data, from + data.size() < matching.size(), includeTotal ? matching.size() : null);
	}
}
