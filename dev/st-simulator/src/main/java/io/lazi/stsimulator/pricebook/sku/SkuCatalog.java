package io.lazi.stsimulator.pricebook.sku;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.lazi.stsimulator.listing.Slice;
import io.lazi.stsimulator.pricebook.ExportCursor;
import io.lazi.stsimulator.pricebook.seed.SkuSeedData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The services, materials and equipment of every simulated tenant, held in memory. Each (kind,
 * tenant) pair is an immutable id-ordered map swapped atomically on edit, so readers never see a
 * half-applied change. Thread-safe.
 */
@Component
public class SkuCatalog {

	private static final Logger LOG = LoggerFactory.getLogger(SkuCatalog.class);

	private static final Comparator<Sku> FEED_ORDER = Comparator.comparing(Sku::modifiedOn).thenComparingLong(Sku::id);

	private final Clock clock;

	private final Map<SkuKind, Map<Long, Map<Long, Sku>>> kinds = new EnumMap<>(SkuKind.class);

	SkuCatalog(Clock clock) {

		this.clock = clock;
		for (var kind : SkuKind.values()) {
			kinds.put(kind, new ConcurrentHashMap<>());
		}
		reset();
	}

	/**
	 * Replaces all SKUs by the deterministic seed data.
	 */
	public final void reset() {

		var seeded = SkuSeedData.generate();
		seeded.forEach((kind, tenants) -> {
			var current = kinds.get(kind);
			current.keySet().retainAll(tenants.keySet());
			tenants.forEach((tenant, skus) -> current.put(tenant, index(skus)));
		});
		LOG.info("Seeded SKUs: {}", seeded.entrySet().stream()
			.map(entry -> entry.getKey().segment() + "=" + entry.getValue().values().stream().mapToInt(List::size).sum())
			.toList());
	}

	/**
	 * ServiceTitan's list semantics: filter, sort, then page.
	 *
	 * @param kind the SKU kind
	 * @param tenant the tenant id
	 * @param query the validated arguments
	 * @return the page
	 */
	public Slice<Sku> list(SkuKind kind, long tenant, SkuQuery query) {
		return query.filter()
			.page(skus(kind, tenant).values().stream().filter(query::matches).sorted(query.sort().comparator()).toList());
	}

	/**
	 * @param kind the SKU kind
	 * @param tenant the tenant id
	 * @param id the SKU id
	 * @return the SKU, if the tenant has it
	 */
	public Optional<Sku> find(SkuKind kind, long tenant, long id) {
		return Optional.ofNullable(skus(kind, tenant).get(id));
	}

	/**
	 * The export feed: every SKU, active or not, ordered by ({@code modifiedOn}, {@code id}), from
	 * the records strictly after the cursor.
	 *
	 * @param kind the SKU kind
	 * @param tenant the tenant id
	 * @param from where to continue
	 * @param batchSize the maximum number of records
	 * @return the batch
	 */
	public Batch export(SkuKind kind, long tenant, ExportCursor from, int batchSize) {

		var remaining = skus(kind, tenant).values().stream()
			.filter(sku -> from.precedes(sku.modifiedOn(), sku.id()))
			.sorted(FEED_ORDER)
			.toList();
		var data = remaining.stream().limit(batchSize).toList();
		var next = data.isEmpty() ? from : ExportCursor.after(data.getLast().modifiedOn(), data.getLast().id());
		return new Batch(data, remaining.size() > data.size(), next);
	}

	/**
	 * Applies an admin edit and bumps {@code modifiedOn} to now.
	 *
	 * @param kind the SKU kind
	 * @param tenant the tenant id
	 * @param id the SKU id
	 * @param edit the change
	 * @return the edited SKU, empty when the tenant has no such SKU
	 */
	public Optional<Sku> edit(SkuKind kind, long tenant, long id, SkuEdit edit) {

		var result = new AtomicReference<@Nullable Sku>();
		kinds.get(kind).computeIfPresent(tenant, (key, skus) -> {
			var current = skus.get(id);
			if (current == null) {
				return skus;
			}
			var edited = current.edited(edit, clock.instant());
			result.set(edited);
			var copy = new TreeMap<>(skus);
			copy.put(id, edited);
			return copy;
		});
		return Optional.ofNullable(result.get());
	}

	private Map<Long, Sku> skus(SkuKind kind, long tenant) {
		return kinds.get(kind).getOrDefault(tenant, Map.of());
	}

	private static Map<Long, Sku> index(List<Sku> skus) {

		var index = new TreeMap<Long, Sku>();
		skus.forEach(sku -> index.put(sku.id(), sku));
		return index;
	}

	/**
	 * One batch of the export feed.
	 *
	 * @param data the records
	 * @param hasMore whether more records follow right away
	 * @param continueFrom where the next call continues
	 */
	public record Batch(List<Sku> data, boolean hasMore, ExportCursor continueFrom) {
	}
}
