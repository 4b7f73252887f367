package io.lazi.stsimulator.pricebook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Builds categories for unit tests.
 */
final class Categories {

	static final Instant BASE = Instant.parse("2025-05-01T00:00:00Z");

	private Categories() {
	}

	static Category category(long id, @Nullable Long parentId, String name, int position, boolean active,
			Instant modifiedOn) {
		return new Category(id, parentId, name, active, null, "Images/Category/" + id + ".png", position,
				CategoryType.SERVICES, List.of(5001L), List.of(), List.of(), null, null, false,
				modifiedOn.minusSeconds(3600), modifiedOn);
	}

	/**
	 * Two roots: 1 "Plumbing" (child 11, grandchild 111 modified late, inactive child 12 with child 121)
	 * and 2 "Electrical" (child 21), all modified at {@link #BASE} except 111.
	 */
	static TenantCategories sample() {
		return TenantCategories.of(List.of(category(1, null, "Plumbing", 1, true, BASE),
				category(11, 1L, "Water Heaters", 1, true, BASE),
				category(111, 11L, "Tankless", 1, true, BASE.plusSeconds(86_400)),
				category(12, 1L, "Legacy", 2, false, BASE), category(121, 12L, "Old Stock", 1, true, BASE),
				category(2, null, "Electrical", 2, true, BASE), category(21, 2L, "Panels", 1, true, BASE)));
	}
}
