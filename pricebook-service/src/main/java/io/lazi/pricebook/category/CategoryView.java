package io.lazi.pricebook.category;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One category or subcategory as the REST API shows it.
 *
 * @param parentStId {@code null} for a root
 * @param depth 0 for a root
 * @param path ltree path of ServiceTitan ids from the root, e.g. {@code 41000101.41000111}
 * @param imagePath ServiceTitan storage path of the image, or {@code null}
 * @param imageUrl where image-service serves the image ({@code /images/db/categories/{stId}} for a
 *        root, {@code /images/db/subcategories/{stId}} for a subcategory), {@code null} without image
 * @param active {@code false} when ServiceTitan marks it inactive or it disappeared from ServiceTitan
 * @param lastSyncedAt when a sync last changed this node
 * @param childCount direct children, inactive ones included
 */
public record CategoryView(long stId, @Nullable Long parentStId, long rootStId, int depth, String path, String name,
		@Nullable String description, @Nullable String imagePath, @Nullable String imageUrl, int position,
		boolean active, List<Long> businessUnitIds, String categoryType, @Nullable Instant modifiedOn,
		Instant lastSyncedAt, int childCount) {

	static CategoryView of(CategoryNode node, Instant lastSyncedAt, int childCount) {

		var imageUrl = node.imagePath() == null || node.imagePath().isBlank() ? null
				: (node.isRoot() ? "/images/db/categories/" : "/images/db/subcategories/") + node.stId();
		return new CategoryView(node.stId(), node.parentStId(), node.rootStId(), node.depth(), node.path(),
				node.name(), node.description(), node.imagePath(), imageUrl, node.position(), node.active(),
				node.businessUnitIds(), node.categoryType(), node.modifiedOn(), lastSyncedAt, childCount);
	}
}
