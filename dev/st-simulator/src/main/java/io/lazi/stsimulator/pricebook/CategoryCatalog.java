package io.lazi.stsimulator.pricebook;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.lazi.stsimulator.pricebook.seed.SeedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The categories of every simulated tenant, held in memory. Each tenant's categories are an
 * immutable {@link TenantCategories} snapshot swapped atomically on edit, so concurrent readers
 * never see a half-applied change. Also remembers every image path a tenant ever referenced, so the
 * image endpoints can serve paths that an edit replaced (as ServiceTitan's storage keeps them).
 * Created categories get ids from {@value #FIRST_CREATED_ID} upwards, above every seeded id, and
 * an id is never handed out twice (not even after a delete) until the next {@link #reset()}.
 */
@Component
public class CategoryCatalog {

	private static final Logger LOG = LoggerFactory.getLogger(CategoryCatalog.class);

	/** The first id given to a category created through the API. */
	public static final long FIRST_CREATED_ID = 90_000_001L;

	private final Clock clock;

	private final AtomicLong nextId = new AtomicLong(FIRST_CREATED_ID);

	private final Map<Long, TenantCategories> tenants = new ConcurrentHashMap<>();

	private final Map<Long, Set<String>> imagePaths = new ConcurrentHashMap<>();

	CategoryCatalog(Clock clock) {

		this.clock = clock;
		reset();
	}

	/**
	 * Replaces all data by the deterministic seed data.
	 */
	public final void reset() {

		var seeded = SeedData.generate();
		imagePaths.clear();
		nextId.set(FIRST_CREATED_ID);
		seeded.forEach((tenant, categories) -> categories.forEach(category -> rememberImages(tenant, category)));
		tenants.keySet().retainAll(seeded.keySet());
		seeded.forEach((tenant, categories) -> tenants.put(tenant, TenantCategories.of(categories)));
		LOG.info("Seeded categories: {}", seeded.entrySet().stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue().size()).toList());
	}

	/**
	 * Replaces a tenant's categories (e.g. by a {@link io.lazi.stsimulator.pricebook.seed.SyntheticTenant}),
	 * until the next {@link #reset()}.
	 *
	 * @param tenant the tenant id
	 * @param categories its new categories
	 */
	public void install(long tenant, Collection<Category> categories) {

		categories.forEach(category -> rememberImages(tenant, category));
		tenants.put(tenant, TenantCategories.of(categories));
		LOG.info("Installed {} categories for tenant {}", categories.size(), tenant);
	}

	/**
	 * @param tenant a tenant id
	 * @return the tenant's current snapshot; empty for a tenant without data
	 */
	public TenantCategories tenant(long tenant) {
		return tenants.getOrDefault(tenant, TenantCategories.of(Set.of()));
	}

	/**
	 * Applies an edit to one category and bumps its {@code modifiedOn} to now.
	 *
	 * @param tenant the tenant id
	 * @param id the category id
	 * @param edit the change
	 * @return the edited category, empty when the tenant has no such category
	 */
	public Optional<Category> edit(long tenant, long id, CategoryEdit edit) {

		var result = new AtomicReference<Category>();
		tenants.computeIfPresent(tenant, (key, snapshot) -> snapshot.find(id).map(current -> {
			var edited = current.edited(edit, clock.instant());
			result.set(edited);
			return snapshot.with(edited);
		}).orElse(snapshot));
		Optional.ofNullable(result.get()).ifPresent(category -> rememberImages(tenant, category));
		return Optional.ofNullable(result.get());
	}

	/**
	 * ServiceTitan's {@code Categories_Create}: adds a category with a new id, stamped now; without a
	 * {@code position} it goes after its last sibling.
	 *
	 * @param tenant the tenant id
	 * @param request the checked request, with {@code name} and {@code categoryType}
	 * @return the created category
	 * @throws io.lazi.stsimulator.errors.ApiException 400 naming {@code parentId} when the parent is unknown
	 */
	public Category create(long tenant, CategoryChanges request) {

		var created = new AtomicReference<Category>();
		tenants.compute(tenant, (key, snapshot) -> {
			var current = snapshot == null ? TenantCategories.of(Set.of()) : snapshot;
			var category = CategoryWrites.create(current, nextId.getAndIncrement(), request, clock.instant());
			created.set(category);
			return current.with(category);
		});
		rememberImages(tenant, created.get());
		return created.get();
	}

	/**
	 * ServiceTitan's {@code Categories_Update}: changes only the supplied fields and bumps
	 * {@code modifiedOn}; a new {@code parentId} moves the category with its subtree (after the last
	 * sibling unless a {@code position} is given).
	 *
	 * @param tenant the tenant id
	 * @param id the category id
	 * @param request the checked request
	 * @return the updated category
	 * @throws io.lazi.stsimulator.errors.ApiException 404 for an unknown id; 400 naming {@code parentId}
	 * for an unknown parent or one inside the category's own subtree
	 */
	public Category update(long tenant, long id, CategoryChanges request) {

		var updated = new AtomicReference<Category>();
		tenants.compute(tenant, (key, snapshot) -> {
			var current = snapshot == null ? TenantCategories.of(Set.of()) : snapshot;
			var category = CategoryWrites.update(current, id, request, clock.instant());
			updated.set(category);
			return current.with(category);
		});
		rememberImages(tenant, updated.get());
		return updated.get();
	}

	/**
	 * Removes a category and its whole subtree.
	 *
	 * @param tenant the tenant id
	 * @param id the category id
	 * @return whether the category existed
	 */
	public boolean delete(long tenant, long id) {

		var found = new AtomicReference<>(false);
		tenants.computeIfPresent(tenant, (key, snapshot) -> {
			found.set(snapshot.find(id).isPresent());
			return found.get() ? snapshot.withoutSubtree(id) : snapshot;
		});
		return found.get();
	}

	/**
	 * @param tenant the tenant id
	 * @param path an image storage path
	 * @return whether the tenant ever referenced that path as a category or SKU image
	 */
	public boolean hasImage(long tenant, String path) {
		return imagePaths.getOrDefault(tenant, Set.of()).contains(path);
	}

	private void rememberImages(long tenant, Category category) {

		var paths = imagePaths.computeIfAbsent(tenant, key -> ConcurrentHashMap.newKeySet());
		Stream.concat(Stream.ofNullable(category.image()), category.skuImages().stream()).forEach(paths::add);
	}
}
