package io.lazi.pricebook.category.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One category or subcategory with its place in the tree, holding exactly the ServiceTitan values
 * the service keeps. Two nodes are equal when nothing ServiceTitan said about them differs.
 *
 * @param parentStId {@code null} for a root
 * @param depth 0 for a root, 1 for its children, …
 * @param path ltree path of ServiceTitan ids from the root, e.g. {@code 41000101.41000111}
 * @param imagePath ServiceTitan storage path of the image ({@code image}), or {@code null}
 * @param businessUnitIds sorted ascending
 * @param createdOn ServiceTitan timestamps, truncated to microseconds as PostgreSQL stores them
 */
public record CategoryNode(long stId, @Nullable Long parentStId, long rootStId, int depth, String path, String name,
		@Nullable String description, @Nullable String imagePath, int position, boolean active,
		List<Long> businessUnitIds, String categoryType, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {

	public boolean isRoot() {
		return parentStId == null;
	}

	public CategoryNode deactivated() {
		return new CategoryNode(stId, parentStId, rootStId, depth, path, name, description, imagePath, position, false,
				businessUnitIds, categoryType, createdOn, modifiedOn);
	}
}
