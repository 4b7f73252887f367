package io.lazi.stsimulator.pricebook.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryType;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic pricebook of any size for load and fault runs: {@code roots} roots and the rest of
 * {@code size} categories hung under random earlier ones, never deeper than {@value #MAX_DEPTH} below
 * a root (as ServiceTitan allows), a third of them with an image, one in twenty inactive. The same
 * {@code seed} and size give the same categories, so a run can be repeated.
 */
public final class SyntheticTenant {

	/** The deepest subcategory level below a root. */
	public static final int MAX_DEPTH = 8;

	/** The id of the first synthetic category; ids are consecutive from here. */
	public static final long FIRST_ID = 60_000_001L;

	private static final Instant BASE = Instant.parse("2025-06-02T08:00:00Z");

	private static final String[] WORDS = { "Pumps", "Filters", "Heaters", "Valves", "Panels", "Wiring", "Drains",
			"Fixtures", "Coils", "Ducts", "Controls", "Sensors", "Motors", "Fittings", "Tanks", "Breakers" };

	private SyntheticTenant() {
	}

	/**
	 * @param size how many categories in all, at least 1
	 * @param seed the seed of the random layout
	 * @return the categories, roots first, each parent before its children
	 * @throws IllegalArgumentException when {@code size} is below 1
	 */
	public static List<Category> generate(int size, long seed) {

		if (size < 1) {
			throw new IllegalArgumentException("A synthetic pricebook needs at least one category");
		}
		var random = new Random(seed);
		var roots = Math.max(1, Math.min(size, Math.max(3, size / 100)));
		var categories = new ArrayList<Category>(size);
		var depth = new HashMap<Long, Integer>();
		var childCount = new HashMap<Long, Integer>();
		for (var index = 0; index < size; index++) {
			var id = FIRST_ID + index;
			Long parentId = null;
			if (index >= roots) {
				// Random earlier node not at the maximum depth: a random recursive tree, capped.
				Category parent;
				do {
					parent = categories.get(random.nextInt(categories.size()));
				}
				while (depth.get(parent.id()) >= MAX_DEPTH);
				parentId = parent.id();
			}
			var level = parentId == null ? 0 : depth.get(parentId) + 1;
			var key = parentId == null ? 0L : parentId;
			var position = childCount.merge(key, 1, Integer::sum);
			depth.put(id, level);
			categories.add(category(id, parentId, position, random, level));
		}
		return List.copyOf(categories);
	}

	/** The depth below its root of each of {@code categories} (a root is 0). */
	public static Map<Long, Integer> depths(List<Category> categories) {

		var byId = new HashMap<Long, Category>();
		categories.forEach(category -> byId.put(category.id(), category));
		var depths = new HashMap<Long, Integer>();
		for (var category : categories) {
			var level = 0;
			for (var parent = category.parentId(); parent != null; parent = byId.get(parent).parentId()) {
				level++;
			}
			depths.put(category.id(), level);
		}
		return depths;
	}

	private static Category category(long id, @Nullable Long parentId, int position, Random random, int level) {

		var name = WORDS[random.nextInt(WORDS.length)] + " " + (parentId == null ? "Root " : "L" + level + " ") + id;
		var image = random.nextInt(3) == 0 ? "Images/Category/syn-%d.png".formatted(id) : null;
		var active = random.nextInt(20) != 0;
		var modifiedOn = BASE.plus(Duration.ofMinutes(id - FIRST_ID));
		var type = random.nextBoolean() ? CategoryType.SERVICES : CategoryType.MATERIALS;
		return new Category(id, parentId, name, active, null, image, position, type, List.of(7001L), List.of(),
				List.of(), null, null, false, modifiedOn.minus(Duration.ofDays(10)), modifiedOn);
	}
}
