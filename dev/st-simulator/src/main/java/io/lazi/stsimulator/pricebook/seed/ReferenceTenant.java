package io.lazi.stsimulator.pricebook.seed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.seed.ReferenceVocabulary.Theme;
import org.jspecify.annotations.Nullable;

/**
 * The reference tenant {@value #TENANT_ID}: a home-service pricebook shaped like a real tenant's,
 * with 27 root categories and exactly 2,023 subcategories whose counts by depth 1..8 (depth 1 =
 * direct children of a root) are 209, 650, 681, 264, 123, 49, 39 and 8.
 * <p>
 * Generation is deterministic: a fixed seed drives {@link Random} (whose algorithm the JDK
 * specifies) and every timestamp derives from a fixed base instant, never from the clock, so every
 * run yields equal data. About 85% of the categories have an image; {@code modifiedOn} values spread
 * over nine months, with about a third of the categories sharing a few bulk-edit instants.
 */
public final class ReferenceTenant {

	/** The tenant id. */
	public static final long TENANT_ID = 3222348440L;

	/** Subcategory counts by depth 1..8. */
	public static final List<Integer> SUBCATEGORIES_BY_DEPTH = List.of(209, 650, 681, 264, 123, 49, 39, 8);

	private static final long SEED = 3222348440L;

	private static final long FIRST_ROOT_ID = 40_000_001L;

	private static final long FIRST_SUBCATEGORY_ID = 40_100_001L;

	private ReferenceTenant() {
	}

	/**
	 * @return the tenant's categories, roots first, then subcategories depth by depth
	 */
	public static List<Category> generate() {
		return new Generator(new Random(SEED)).generate();
	}

	private static final class Generator {

		private final Random random;

		private final SeedAttributes attributes;

		private final List<Draft> drafts = new ArrayList<>();

		Generator(Random random) {

			this.random = random;
			this.attributes = new SeedAttributes(random);
		}

		List<Category> generate() {

			var level = new ArrayList<Draft>();
			var id = FIRST_ROOT_ID;
			for (var theme : ReferenceVocabulary.THEMES) {
				level.add(add(new Draft(id, null, theme.name(), theme)));
				id += 1 + random.nextInt(3);
			}
			id = FIRST_SUBCATEGORY_ID;
			for (var depth = 1; depth <= SUBCATEGORIES_BY_DEPTH.size(); depth++) {
				var parents = new ArrayList<>(level);
				Collections.shuffle(parents, random);
				level = new ArrayList<>();
				for (var index = 0; index < SUBCATEGORIES_BY_DEPTH.get(depth - 1); index++) {
					var parent = depth == 1 && index < parents.size() ? parents.get(index) : pickSkewed(parents);
					level.add(add(new Draft(id, parent, nameFor(parent, depth), parent.theme)));
					id += 1 + random.nextInt(4);
				}
			}
			return drafts.stream().map(draft -> attributes.toCategory(draft.id, draft.parentId(), draft.name,
					draft.position(), draft.theme)).toList();
		}

		private Draft add(Draft draft) {

			drafts.add(draft);
			if (draft.parent != null) {
				draft.parent.children.add(draft);
			}
			return draft;
		}

		private Draft pickSkewed(List<Draft> parents) {
			return parents.get((int) (parents.size() * Math.pow(random.nextDouble(), 1.6)));
		}

		private String nameFor(Draft parent, int depth) {

			var candidates = depth == 1 ? firstLevelNames(parent.theme) : ReferenceVocabulary.qualifiers(depth);
			for (var attempt = 0; attempt < 12; attempt++) {
				var candidate = depth == 1 && attempt == 0
						? candidates.get(Math.min(parent.children.size(), candidates.size() - 1))
						: candidates.get(random.nextInt(candidates.size()));
				if (parent.isFreeName(candidate)) {
					return candidate;
				}
			}
			var base = candidates.get(random.nextInt(candidates.size()));
			var suffix = 2;
			while (!parent.isFreeName(base + " " + suffix)) {
				suffix++;
			}
			return base + " " + suffix;
		}

		private static List<String> firstLevelNames(Theme theme) {

			var names = new ArrayList<>(theme.subjects());
			for (var tier : List.of("Residential", "Commercial", "Premium", "Economy")) {
				theme.subjects().forEach(subject -> names.add(subject + " - " + tier));
			}
			return names;
		}
	}

	private static final class Draft {

		private final long id;

		private final @Nullable Draft parent;

		private final String name;

		private final Theme theme;

		private final List<Draft> children = new ArrayList<>();

		Draft(long id, @Nullable Draft parent, String name, Theme theme) {

			this.id = id;
			this.parent = parent;
			this.name = name;
			this.theme = theme;
		}

		@Nullable Long parentId() {
			return parent == null ? null : parent.id;
		}

		int position() {
			return parent == null ? ReferenceVocabulary.THEMES.indexOf(theme) + 1 : parent.children.indexOf(this) + 1;
		}

		boolean isFreeName(String candidate) {
			return !candidate.equals(name) && children.stream().noneMatch(child -> child.name.equals(candidate));
		}
	}
}
