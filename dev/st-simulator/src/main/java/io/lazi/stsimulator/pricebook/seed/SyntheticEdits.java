package io.lazi.stsimulator.pricebook.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import io.lazi.stsimulator.pricebook.CategoryChanges;
import io.lazi.stsimulator.pricebook.CategoryEdit;
import io.lazi.stsimulator.pricebook.TenantCategories;
import org.jspecify.annotations.Nullable;

/**
 * Scripted ServiceTitan edits of a tenant's pricebook, as its users would make them between two
 * incremental syncs: renames, image changes, (de)activations, reorders, moves of a leaf under another
 * parent, creates and deletes of leaves. Each edit bumps the category's {@code modifiedOn}, so the next
 * incremental pull sees it. The same seed on the same pricebook gives the same edits.
 */
public final class SyntheticEdits {

	private SyntheticEdits() {
	}

	/**
	 * Applies {@code count} random edits to the tenant's categories.
	 * @return how many edits of each kind were applied ({@code rename}, {@code image}, {@code active},
	 * {@code position}, {@code move}, {@code create}, {@code delete})
	 */
	public static Map<String, Integer> apply(CategoryCatalog catalog, long tenant, int count, long seed) {

		var random = new Random(seed);
		var applied = new TreeMap<String, Integer>();
		// Sorted once: each edit replaces the tenant's snapshot, which costs enough on a 20,000-node pricebook.
		var all = new ArrayList<>(catalog.tenant(tenant).all());
		all.sort(Comparator.comparingLong(Category::id));
		for (var n = 0; n < count && !all.isEmpty(); n++) {
			var snapshot = catalog.tenant(tenant);
			var index = random.nextInt(all.size());
			var current = snapshot.find(all.get(index).id());
			if (current.isEmpty()) {
				all.remove(index);
				n--;
				continue;
			}
			var target = current.get();
			var roll = random.nextInt(100);
			String kind;
			if (roll < 35) {
				kind = "rename";
				catalog.edit(tenant, target.id(), new CategoryEdit("Edited " + seed + "-" + n + " " + target.id(), null,
						false, null));
			}
			else if (roll < 50) {
				kind = "image";
				var image = target.image() == null || random.nextBoolean()
						? "Images/Category/syn-%d-e%d-%d.png".formatted(target.id(), seed, n) : null;
				catalog.edit(tenant, target.id(), new CategoryEdit(null, null, true, image));
			}
			else if (roll < 62) {
				kind = "active";
				catalog.edit(tenant, target.id(), new CategoryEdit(null, !target.active(), false, null));
			}
			else if (roll < 72) {
				kind = "position";
				catalog.update(tenant, target.id(), changes(false, null, 1 + random.nextInt(30), null));
			}
			else if (roll < 85) {
				var parent = parentFor(snapshot, all, target, random);
				if (parent == null) {
					continue;
				}
				kind = "move";
				catalog.update(tenant, target.id(), changes(true, parent.id(), null, null));
			}
			else if (roll < 95) {
				if (depth(snapshot, target) >= SyntheticTenant.MAX_DEPTH) {
					continue;
				}
				kind = "create";
				all.add(catalog.create(tenant, new CategoryChanges("Created " + seed + "-" + n, true, null, true, target.id(), null,
						random.nextBoolean() ? "Images/Category/syn-new-%d-%d.png".formatted(seed, n) : null,
						target.categoryType(), List.of(7001L), null, null)));
			}
			else {
				if (target.isRoot() || !snapshot.children(target.id()).isEmpty()) {
					continue;
				}
				kind = "delete";
				catalog.delete(tenant, target.id());
			}
			applied.merge(kind, 1, Integer::sum);
		}
		return applied;
	}

	/** A new parent for a leaf: any other node above the maximum depth, not its current parent. */
	private static @Nullable Category parentFor(TenantCategories snapshot, List<Category> all, Category target, Random random) {

		if (target.isRoot() || !snapshot.children(target.id()).isEmpty()) {
			return null;
		}
		for (var attempt = 0; attempt < 20; attempt++) {
			var candidate = snapshot.find(all.get(random.nextInt(all.size())).id()).orElse(null);
			if (candidate != null && candidate.id() != target.id() && !Long.valueOf(candidate.id()).equals(target.parentId())
					&& depth(snapshot, candidate) < SyntheticTenant.MAX_DEPTH) {
				return candidate;
			}
		}
		return null;
	}

	private static int depth(TenantCategories snapshot, Category category) {

		var level = 0;
		for (var parent = category.parentId(); parent != null;
				parent = snapshot.find(parent).map(Category::parentId).orElse(null)) {
			level++;
		}
		return level;
	}

	private static CategoryChanges changes(boolean parentSupplied, @Nullable Long parentId, @Nullable Integer position,
			@Nullable String name) {
		return new CategoryChanges(name, null, null, parentSupplied, parentId, position, null, null, null, null, null);
	}
}
