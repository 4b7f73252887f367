package io.lazi.pricebook.sku;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.SKU;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.listing.Timestamps;
import io.lazi.pricebook.jooq.tables.Category;
import io.lazi.pricebook.jooq.tables.records.SkuRecord;
import io.lazi.pricebook.sku.SkuView.StoredSku;
import io.lazi.platform.web.PageRequest;

/** Reads of the {@code sku} table (and the names of linked categories) for the REST API; every query is scoped to one tenant. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SkuReadRepository {

	private static final Category ANCHOR = CATEGORY.as("anchor");

	private final DSLContext dsl;

	/** One page of the matching SKUs, by code. */
	List<StoredSku> page(Tenant tenant, SkuKind kind, SkuFilter filter, PageRequest page) {
		return dsl.selectFrom(SKU)
			.where(matching(tenant, kind, filter))
			.orderBy(SKU.CODE, SKU.ST_ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch(SkuReadRepository::stored);
	}

	long count(Tenant tenant, SkuKind kind, SkuFilter filter) {
		return dsl.fetchCount(SKU, matching(tenant, kind, filter));
	}

	Optional<StoredSku> find(Tenant tenant, SkuKind kind, long stId) {
		return dsl.selectFrom(SKU)
			.where(SKU.TENANT_ID.eq(tenant.id()))
			.and(SKU.KIND.eq(kind.column()))
			.and(SKU.ST_ID.eq(stId))
			.fetchOptional(SkuReadRepository::stored);
	}

	/** Names of those of {@code stIds} the tenant's category tree knows, by id. */
	Map<Long, String> categoryNames(Tenant tenant, Collection<Long> stIds) {
		if (stIds.isEmpty()) {
			return Map.of();
		}
		return dsl.select(CATEGORY.ST_ID, CATEGORY.NAME)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenant.id()))
			.and(CATEGORY.ST_ID.eq(any(stIds.toArray(Long[]::new))))
			.fetchMap(CATEGORY.ST_ID, CATEGORY.NAME);
	}

	private static Condition matching(Tenant tenant, SkuKind kind, SkuFilter filter) {

		var condition = SKU.TENANT_ID.eq(tenant.id()).and(SKU.KIND.eq(kind.column()));
		condition = switch (filter.active()) {
			case ACTIVE -> condition.and(SKU.ACTIVE);
			case INACTIVE -> condition.and(SKU.ACTIVE.isFalse());
			case ALL -> condition;
		};
		if (filter.categoryStId() != null) {
			condition = condition.and(inCategory(tenant, filter.categoryStId(), filter.includeSubcategories()));
		}
		if (filter.search() != null) {
			var term = filter.search();
			condition = condition.and(SKU.CODE.containsIgnoreCase(term)
				.or(SKU.DISPLAY_NAME.containsIgnoreCase(term))
				.or(SKU.DESCRIPTION.containsIgnoreCase(term)));
		}
		return condition;
	}

	/**
	 * Linked to the category, or with {@code subcategories} to it or any category under its ltree path.
	 * The category itself always counts, so a SKU linked to a category not (yet) in the tree still matches.
	 */
	private static Condition inCategory(Tenant tenant, long categoryStId, boolean subcategories) {

		var self = val(new Long[] { categoryStId }, SKU.CATEGORY_ST_IDS.getDataType());
		if (!subcategories) {
			return condition("{0} @> {1}", SKU.CATEGORY_ST_IDS, self);
		}
		var anchorPath = field(select(ANCHOR.PATH).from(ANCHOR)
			.where(ANCHOR.TENANT_ID.eq(tenant.id()))
			.and(ANCHOR.ST_ID.eq(categoryStId)));
		var descendants = select(CATEGORY.ST_ID).from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenant.id()))
			.and(condition("{0} <@ {1}", CATEGORY.PATH, anchorPath));
		return condition("{0} && ({1} || array({2}))", SKU.CATEGORY_ST_IDS, self, descendants);
	}

	private static StoredSku stored(SkuRecord row) {

		var sku = new Sku(kind(row.getKind()), row.getStId(), row.getCode(), row.getDisplayName(),
				row.getDescription(), row.getPrice(), row.getMemberPrice(), row.getAddOnPrice(), row.getCost(),
				row.getActive(), List.of(row.getCategoryStIds()), row.getBusinessUnitId(), row.getHours(),
				row.getTaxable(), row.getUnitOfMeasure(), row.getIsInventory(), row.getManufacturer(), row.getModel(),
				Timestamps.instant(row.getCreatedOn()), Timestamps.instant(row.getModifiedOn()));
		return new StoredSku(sku, row.getLastSyncedAt().toInstant());
	}

	private static SkuKind kind(String column) {
		return switch (column) {
			case "service" -> SkuKind.SERVICE;
			case "material" -> SkuKind.MATERIAL;
			case "equipment" -> SkuKind.EQUIPMENT;
			default -> throw new IllegalStateException("Unknown SKU kind " + column);
		};
	}

}
