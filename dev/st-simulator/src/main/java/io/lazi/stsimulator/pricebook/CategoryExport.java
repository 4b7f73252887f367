package io.lazi.stsimulator.pricebook;

import java.util.List;

/**
 * Answers ServiceTitan's category export feed: a flat list of all categories (roots and
 * subcategories, active and inactive) ordered by ({@code modifiedOn}, {@code id}), in batches.
 * An edited category moves to the end of the feed, so a consumer holding a {@code continueFrom}
 * token picks the edit up on its next call. {@code includeRecentChanges} changes nothing here.
 */
public final class CategoryExport {

	private CategoryExport() {
	}

	/**
	 * @param categories the tenant's snapshot
	 * @param from where to continue
	 * @param batchSize the maximum number of records
	 * @return the batch
	 */
	public static Batch batch(TenantCategories categories, ExportCursor from, int batchSize) {

		var remaining = categories.all().stream().filter(from::precedes).sorted(ExportCursor.FEED_ORDER).toList();
		var data = remaining.stream().limit(batchSize).toList();
		var next = data.isEmpty() ? from : ExportCursor.after(data.getLast());
		return new Batch(data, remaining.size() > data.size(), next);
	}

	/**
	 * One batch of the feed.
	 *
	 * @param data the records
	 * @param hasMore whether more records follow right away
	 * @param continueFrom where the next call continues
	 */
	public record Batch(List<Category> data, boolean hasMore, ExportCursor continueFrom) {
	}
}
