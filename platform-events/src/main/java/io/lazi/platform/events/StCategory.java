package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One ServiceTitan pricebook category exactly as {@code GET /pricebook/v2/tenant/{tenant}/categories}
 * returns it ({@code Pricebook.V2.CategoryResponse}), subcategories nested to any depth. Field names
 * are ServiceTitan's. {@code image} is a storage path ({@code Images/...}) or {@code null}; for nested
 * subcategories st-ingest fills it from {@code GET /categories/{id}} because the bulk list omits it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StCategory(
		long id,
		String name,
		boolean active,
		@Nullable String description,
		@Nullable String image,
		@Nullable Long parentId,
		int position,
		String categoryType,
		@Nullable List<StCategory> subcategories,
		@Nullable List<Long> businessUnitIds,
		@Nullable List<String> skuImages,
		@Nullable List<String> skuVideos,
		@Nullable String source,
		@Nullable String externalId,
		boolean hideInMobile,
		@Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {

	/** Children, never null. */
	public List<StCategory> children() {
		return subcategories == null ? List.of() : subcategories;
	}

	/** A copy with another image path. */
	public StCategory withImage(@Nullable String newImage) {
		return new StCategory(id, name, active, description, newImage, parentId, position, categoryType, subcategories,
				businessUnitIds, skuImages, skuVideos, source, externalId, hideInMobile, createdOn, modifiedOn);
	}

	/** A copy with other children. */
	public StCategory withSubcategories(List<StCategory> children) {
		return new StCategory(id, name, active, description, image, parentId, position, categoryType, children,
				businessUnitIds, skuImages, skuVideos, source, externalId, hideInMobile, createdOn, modifiedOn);
	}
}
