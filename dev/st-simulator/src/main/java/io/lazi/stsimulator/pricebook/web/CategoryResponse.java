package io.lazi.stsimulator.pricebook.web;

import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryTree;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Pricebook.V2.CategoryResponse} (also the shape of
 * {@code ExportCategoryResponse}), field for field and in the spec's order.
 */
record CategoryResponse(long id, String name, boolean active, @Nullable String description, @Nullable String image,
		@Nullable Long parentId, int position, String categoryType, List<CategoryResponse> subcategories,
		List<Long> businessUnitIds, List<String> skuImages, List<String> skuVideos, @Nullable String source,
		@Nullable String externalId, boolean hideInMobile, Instant createdOn, Instant modifiedOn) {

	/**
	 * Maps a tree the way ServiceTitan does: the top node carries its image, every nested
	 * subcategory (at any depth) carries {@code image: null}.
	 */
	static CategoryResponse nested(CategoryTree tree) {
		return of(tree, true);
	}

	/**
	 * Maps an export record: flat, its real image, an empty {@code subcategories} array.
	 */
	static CategoryResponse flat(Category category) {
		return of(new CategoryTree(category, List.of()), true);
	}

	private static CategoryResponse of(CategoryTree tree, boolean withImage) {

		var category = tree.category();
		var subcategories = tree.children().stream().map(child -> of(child, false)).toList();
		return new CategoryResponse(category.id(), category.name(), category.active(), category.description(),
				withImage ? category.image() : null, category.parentId(), category.position(),
				category.categoryType().label(), subcategories, category.businessUnitIds(), category.skuImages(),
				category.skuVideos(), category.source(), category.externalId(), category.hideInMobile(),
				category.createdOn(), category.modifiedOn());
	}
}
