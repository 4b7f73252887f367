package io.lazi.pricebook.category.tree;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Summary of a tenant's category tree.
 *
 * @param roots active root categories
 * @param subcategories active subcategories
 * @param subcategoriesByDepth active subcategories per depth ({@code "1"}, {@code "2"}, …), ascending
 * @param withImage active subcategories with an image path
 * @param inactive inactive nodes, roots and subcategories
 * @param lastSyncedAt when a sync run was last applied, {@code null} before the first
 * @param lastSyncRunId that run
 */
public record CategoryStats(String tenantId, int roots, int subcategories, Map<String, Integer> subcategoriesByDepth,
		int withImage, int inactive, @Nullable Instant lastSyncedAt, @Nullable UUID lastSyncRunId) {
}
