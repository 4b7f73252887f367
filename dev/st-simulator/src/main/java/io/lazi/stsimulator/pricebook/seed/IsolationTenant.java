package io.lazi.stsimulator.pricebook.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryType;
import org.jspecify.annotations.Nullable;

/**
 * The isolation tenant {@value #TENANT_ID}: a small pricebook (3 roots, 12 subcategories, one of them
 * inactive) whose names and ids differ from the reference tenant's, for tenant-isolation tests.
 */
public final class IsolationTenant {

	/** The tenant id. */
	public static final long TENANT_ID = 1000000002L;

	private static final Instant BASE = Instant.parse("2025-03-03T09:30:00Z");

	private IsolationTenant() {
	}

	/**
	 * @return the tenant's categories
	 */
	public static List<Category> generate() {

		var categories = new ArrayList<Category>();
		var roofing = add(categories, 52_000_001L, null, "Roofing", 1, CategoryType.SERVICES, true, true);
		var shingles = add(categories, 52_000_101L, roofing, "Shingle Roofs", 1, CategoryType.SERVICES, true, true);
		add(categories, 52_000_102L, roofing, "Metal Roofs", 2, CategoryType.SERVICES, true, false);
		add(categories, 52_000_103L, roofing, "Roof Inspections", 3, CategoryType.SERVICES, true, false);
		add(categories, 52_000_111L, shingles, "Asphalt Shingles", 1, CategoryType.SERVICES, true, true);
		add(categories, 52_000_112L, shingles, "Legacy Shingles", 2, CategoryType.SERVICES, false, false);
		var gutters = add(categories, 52_000_002L, null, "Gutters", 2, CategoryType.SERVICES, true, true);
		add(categories, 52_000_201L, gutters, "Seamless Gutters", 1, CategoryType.SERVICES, true, true);
		add(categories, 52_000_202L, gutters, "Gutter Guards", 2, CategoryType.SERVICES, true, false);
		add(categories, 52_000_203L, gutters, "Downspouts", 3, CategoryType.SERVICES, true, false);
		var solar = add(categories, 52_000_003L, null, "Solar", 3, CategoryType.MATERIALS, true, false);
		add(categories, 52_000_301L, solar, "Solar Panels", 1, CategoryType.MATERIALS, true, true);
		var inverters = add(categories, 52_000_302L, solar, "Inverters", 2, CategoryType.MATERIALS, true, false);
		add(categories, 52_000_303L, solar, "Batteries", 3, CategoryType.MATERIALS, true, false);
		add(categories, 52_000_311L, inverters, "Microinverters", 1, CategoryType.MATERIALS, true, true);
		return List.copyOf(categories);
	}

	private static long add(List<Category> categories, long id, @Nullable Long parentId, String name, int position,
			CategoryType type, boolean active, boolean withImage) {

		var index = categories.size();
		var modifiedOn = BASE.plus(Duration.ofHours(17L * index)).plusMillis(137L * index);
		var image = withImage ? "Images/Category/iso-%d-%s.png".formatted(id, SeedAttributes.slug(name)) : null;
		categories.add(new Category(id, parentId, name, active, null, image, position, type, List.of(7001L), List.of(),
				List.of(), null, null, false, modifiedOn.minus(Duration.ofDays(30)), modifiedOn));
		return id;
	}
}
