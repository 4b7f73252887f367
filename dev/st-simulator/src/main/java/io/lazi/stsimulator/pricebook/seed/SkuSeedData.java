package io.lazi.stsimulator.pricebook.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryType;
import io.lazi.stsimulator.pricebook.sku.Sku;
import io.lazi.stsimulator.pricebook.sku.SkuKind;

/**
 * The seeded services, materials and equipment of every tenant, generated deterministically from a
 * fixed seed and the seeded categories: the reference tenant gets {@value #REFERENCE_SERVICES}
 * services, {@value #REFERENCE_MATERIALS} materials and {@value #REFERENCE_EQUIPMENT} equipment, the
 * isolation tenant five of each. Services are filed under services categories, materials and
 * equipment under materials categories (ServiceTitan has no equipment category type). About 4% are
 * inactive; {@code modifiedOn} spreads over the same nine months as the categories.
 */
public final class SkuSeedData {

	/** Services of the reference tenant. */
	public static final int REFERENCE_SERVICES = 600;

	/** Materials of the reference tenant. */
	public static final int REFERENCE_MATERIALS = 900;

	/** Equipment of the reference tenant. */
	public static final int REFERENCE_EQUIPMENT = 120;

	private static final int ISOLATION_EACH = 5;

	/** Keeps other tenants' SKU ids apart from the reference tenant's, as ServiceTitan's ids are global. */
	private static final long OTHER_TENANT_ID_OFFSET = 5_000_000L;

	private static final long CREATED_SPREAD_MILLIS = Duration.ofDays(400).toMillis();

	private SkuSeedData() {
	}

	/**
	 * @return the SKUs by kind and tenant id; equal on every call
	 */
	public static Map<SkuKind, Map<Long, List<Sku>>> generate() {

		var categories = SeedData.generate();
		var result = new EnumMap<SkuKind, Map<Long, List<Sku>>>(SkuKind.class);
		for (var kind : SkuKind.values()) {
			var tenants = new LinkedHashMap<Long, List<Sku>>();
			categories.forEach((tenant, list) -> {
				var reference = tenant == ReferenceTenant.TENANT_ID;
				var generator = new Generator(new Random(tenant * 31 + kind.ordinal()), kind, list);
				tenants.put(tenant, generator.generate(reference ? referenceCount(kind) : ISOLATION_EACH,
						reference ? 0 : OTHER_TENANT_ID_OFFSET));
			});
			result.put(kind, tenants);
		}
		return result;
	}

	private static int referenceCount(SkuKind kind) {
		return switch (kind) {
			case SERVICES -> REFERENCE_SERVICES;
			case MATERIALS -> REFERENCE_MATERIALS;
			case EQUIPMENT -> REFERENCE_EQUIPMENT;
		};
	}

	private static final class Generator {

		private final Random random;

		private final SkuKind kind;

		private final List<Category> categories;

		Generator(Random random, SkuKind kind, List<Category> all) {

			this.random = random;
			this.kind = kind;
			var type = kind == SkuKind.SERVICES ? CategoryType.SERVICES : CategoryType.MATERIALS;
			this.categories = all.stream().filter(category -> category.categoryType() == type).toList();
		}

		List<Sku> generate(int count, long idOffset) {

			var skus = new ArrayList<Sku>();
			var id = idOffset + switch (kind) {
				case SERVICES -> 60_000_001L;
				case MATERIALS -> 70_000_001L;
				case EQUIPMENT -> 80_000_001L;
			};
			for (var index = 1; index <= count; index++) {
				skus.add(sku(id, index));
				id += 1 + random.nextInt(3);
			}
			return skus;
		}

		private Sku sku(long id, int index) {

			var category = categories.get(random.nextInt(categories.size()));
			var categoryIds = random.nextInt(100) < 15
					? List.of(category.id(), categories.get(random.nextInt(categories.size())).id()).stream().distinct().toList()
					: List.of(category.id());
			var trade = SkuVocabulary.tradeCode(category.businessUnitIds());
			var name = SkuVocabulary.name(kind, category.name(), random);
			var cost = switch (kind) {
				case SERVICES -> cents(2_000 + random.nextInt(60_000));
				case MATERIALS -> cents(150 + random.nextInt(45_000));
				case EQUIPMENT -> cents(40_000 + random.nextInt(860_000));
			};
			var markup = kind == SkuKind.SERVICES ? 2.4 + random.nextDouble() * 1.2 : 1.4 + random.nextDouble() * 1.4;
			var price = cost.multiply(BigDecimal.valueOf(markup)).setScale(0, RoundingMode.HALF_UP).subtract(new BigDecimal("0.05"));
			var hours = kind == SkuKind.MATERIALS ? BigDecimal.ZERO.setScale(2)
					: BigDecimal.valueOf(1 + random.nextInt(32)).divide(BigDecimal.valueOf(4), 2, RoundingMode.UNNECESSARY);
			var modifiedOn = SeedAttributes.WINDOW_START.plusMillis((long) (random.nextDouble() * SeedAttributes.WINDOW.toMillis()));
			var createdOn = modifiedOn.minusMillis(60_000 + (long) (random.nextDouble() * CREATED_SPREAD_MILLIS));
			var maker = kind == SkuKind.SERVICES ? null : SkuVocabulary.manufacturer(trade, random);
			return new Sku(id, "%s-%s-%04d".formatted(trade, kind.segment().substring(0, 3).toUpperCase(java.util.Locale.ROOT), index),
					kind == SkuKind.EQUIPMENT && !name.startsWith(maker) ? maker + " " + name : name,
					"<p>%s. Filed under %s.</p>".formatted(name, category.name()), price, percent(price, 85),
					percent(price, 90), percent(price, 80), cost, hours, random.nextInt(100) >= 4, random.nextInt(100) < 70,
					categoryIds, category.businessUnitIds().isEmpty() ? null : category.businessUnitIds().getFirst(),
					maker, kind == SkuKind.EQUIPMENT ? "%s-%d".formatted(trade, 100 + random.nextInt(900)) : null,
					kind == SkuKind.SERVICES ? null : SkuVocabulary.unit(kind, random),
					kind == SkuKind.SERVICES ? null : SkuVocabulary.vendor(random),
					kind == SkuKind.MATERIALS ? 0 : 12 * (1 + random.nextInt(5)), createdOn, modifiedOn);
		}

		private static BigDecimal cents(long cents) {
			return BigDecimal.valueOf(cents, 2);
		}

		private static BigDecimal percent(BigDecimal amount, int percent) {
			return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
		}
	}
}
