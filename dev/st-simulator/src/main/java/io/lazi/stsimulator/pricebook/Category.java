package io.lazi.stsimulator.pricebook;

import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.listing.ListedRecord;
import org.jspecify.annotations.Nullable;

/**
 * One pricebook category node as the simulator stores it: a root when {@code parentId} is null,
 * otherwise a subcategory. Immutable; the lists are unmodifiable.
 *
 * @param id the category id, unique within a tenant
 * @param parentId the parent's id, null for a root
 * @param name the name, unique among siblings in the seed data
 * @param active whether the category is active
 * @param description an optional description
 * @param image the storage path of the category image ({@code Images/...}), if any
 * @param position the 1-based sort order among siblings
 * @param categoryType services or materials, inherited from the root in the seed data
 * @param businessUnitIds the business units the category belongs to
 * @param skuImages image paths applied to the SKUs of the category
 * @param skuVideos video paths applied to the SKUs of the category
 * @param source the catalog source, null unless imported
 * @param externalId the id in the catalog source, null unless imported
 * @param hideInMobile whether the mobile app hides the category
 * @param createdOn when the category was created
 * @param modifiedOn when the category was last modified
 */
public record Category(long id, @Nullable Long parentId, String name, boolean active, @Nullable String description,
		@Nullable String image, int position, CategoryType categoryType, List<Long> businessUnitIds,
		List<String> skuImages, List<String> skuVideos, @Nullable String source, @Nullable String externalId,
		boolean hideInMobile, Instant createdOn, Instant modifiedOn) implements ListedRecord {

	/**
	 * Normalises the lists to unmodifiable copies.
	 */
	public Category {
		businessUnitIds = List.copyOf(businessUnitIds);
		skuImages = List.copyOf(skuImages);
		skuVideos = List.copyOf(skuVideos);
	}

	/**
	 * @return whether this is a root category
	 */
	public boolean isRoot() {
		return parentId == null;
	}

	/**
	 * Applies an edit and stamps the modification time.
	 *
	 * @param edit the fields to change
	 * @param now the new {@code modifiedOn}
	 * @return the edited copy
	 */
	public Category edited(CategoryEdit edit, Instant now) {
		return new Category(id, parentId, edit.name() != null ? edit.name() : name,
				edit.active() != null ? edit.active() : active, description,
				edit.imageChanged() ? edit.image() : image, position, categoryType, businessUnitIds, skuImages,
				skuVideos, source, externalId, hideInMobile, createdOn, now);
	}
}
