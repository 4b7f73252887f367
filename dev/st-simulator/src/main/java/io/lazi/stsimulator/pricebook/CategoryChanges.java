package io.lazi.stsimulator.pricebook;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a {@code CategoryCreateRequest} or {@code CategoryUpdateRequest}, already checked
 * against ServiceTitan's schema. A null component means "not supplied" (an update leaves the field
 * unchanged); {@code parentId} is the exception, since null is a value there: {@code parentSupplied}
 * tells whether it was given. An empty {@code description} or {@code image} clears the field.
 *
 * @param name the name
 * @param active the active flag
 * @param description the description
 * @param parentSupplied whether {@code parentId} was supplied
 * @param parentId the parent's id, null for a root
 * @param position the 1-based position among siblings
 * @param image the image storage path
 * @param categoryType the category type
 * @param businessUnitIds the business units
 * @param skuImages the SKU image paths
 * @param skuVideos the SKU video paths
 */
public record CategoryChanges(@Nullable String name, @Nullable Boolean active, @Nullable String description,
		boolean parentSupplied, @Nullable Long parentId, @Nullable Integer position, @Nullable String image,
		@Nullable CategoryType categoryType, @Nullable List<Long> businessUnitIds, @Nullable List<String> skuImages,
		@Nullable List<String> skuVideos) {
}
