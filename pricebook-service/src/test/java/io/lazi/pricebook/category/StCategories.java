package io.lazi.pricebook.category;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StCategory;

/** ServiceTitan categories for tests, shaped as ServiceTitan returns them. */
public final class StCategories {

	public static final Instant CREATED = Instant.parse("2024-03-01T08:15:30.1234567Z");

	private StCategories() {
	}

	/** An active root category with the given children. */
	public static StCategory root(long id, String name, int position, StCategory... children) {
		return category(id, null, name, position, true, null, children);
	}

	/** An active subcategory of {@code parentId} with the given children. */
	public static StCategory sub(long id, long parentId, String name, int position, StCategory... children) {
		return category(id, parentId, name, position, true, null, children);
	}

	public static StCategory category(long id, @Nullable Long parentId, String name, int position, boolean active,
			@Nullable String image, StCategory... children) {
		return new StCategory(id, name, active, "About " + name, image, parentId, position, "Services",
				List.of(children), List.of(7002L, 7001L), List.of(), List.of(), null, null, false, CREATED, CREATED);
	}

	/** A copy of {@code category} with another name. */
	public static StCategory renamed(StCategory category, String name) {
		return new StCategory(category.id(), name, category.active(), category.description(), category.image(),
				category.parentId(), category.position(), category.categoryType(), category.subcategories(),
				category.businessUnitIds(), category.skuImages(), category.skuVideos(), category.source(),
				category.externalId(), category.hideInMobile(), category.createdOn(), category.modifiedOn());
	}
}
