package io.lazi.pricebook.sku;

import static io.lazi.pricebook.jooq.Tables.SKU;
import static org.jooq.impl.DSL.excluded;

import java.time.OffsetDateTime;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import io.lazi.pricebook.listing.Timestamps;
import io.lazi.pricebook.listing.Upserts;

/**
 * Writes of the {@code sku} table, scoped to one tenant and set-based: a stored SKU is replaced only
 * by a record modified at the same time or later in ServiceTitan, so an older record arriving late
 * changes nothing.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SkuRepository {

	/** Rows per upsert statement: 22 parameters a row stays below PostgreSQL's 65,535 limit. */
	private static final int CHUNK = 1_000;

	private final DSLContext dsl;

	/** Inserts or replaces {@code skus}; returns how many rows were written. */
	int upsert(String tenantId, List<Sku> skus, OffsetDateTime now) {

		var written = 0;
		for (int from = 0; from < skus.size(); from += CHUNK) {
			var insert = dsl.insertInto(SKU, SKU.TENANT_ID, SKU.KIND, SKU.ST_ID, SKU.CODE, SKU.DISPLAY_NAME,
					SKU.DESCRIPTION, SKU.PRICE, SKU.MEMBER_PRICE, SKU.ADD_ON_PRICE, SKU.COST, SKU.ACTIVE,
					SKU.CATEGORY_ST_IDS, SKU.BUSINESS_UNIT_ID, SKU.HOURS, SKU.TAXABLE, SKU.UNIT_OF_MEASURE,
					SKU.IS_INVENTORY, SKU.MANUFACTURER, SKU.MODEL, SKU.CREATED_ON, SKU.MODIFIED_ON,
					SKU.LAST_SYNCED_AT);
			for (var sku : skus.subList(from, Math.min(from + CHUNK, skus.size()))) {
				insert = insert.values(tenantId, sku.kind().column(), sku.stId(), sku.code(), sku.displayName(),
						sku.description(), sku.price(), sku.memberPrice(), sku.addOnPrice(), sku.cost(), sku.active(),
						sku.categoryStIds().toArray(Long[]::new), sku.businessUnitId(), sku.hours(), sku.taxable(),
						sku.unitOfMeasure(), sku.isInventory(), sku.manufacturer(), sku.model(),
						Timestamps.offset(sku.createdOn()), Timestamps.offset(sku.modifiedOn()), now);
			}
			written += insert.onConflict(SKU.TENANT_ID, SKU.KIND, SKU.ST_ID)
				.doUpdate()
				.set(Upserts.fromExcluded(SKU.CODE, SKU.DISPLAY_NAME, SKU.DESCRIPTION, SKU.PRICE, SKU.MEMBER_PRICE,
						SKU.ADD_ON_PRICE, SKU.COST, SKU.ACTIVE, SKU.CATEGORY_ST_IDS, SKU.BUSINESS_UNIT_ID, SKU.HOURS,
						SKU.TAXABLE, SKU.UNIT_OF_MEASURE, SKU.IS_INVENTORY, SKU.MANUFACTURER, SKU.MODEL, SKU.CREATED_ON,
						SKU.MODIFIED_ON, SKU.LAST_SYNCED_AT))
				// A record without modifiedOn never replaces one that has it: it cannot prove to be newer.
				.where(SKU.MODIFIED_ON.isNull().or(excluded(SKU.MODIFIED_ON).ge(SKU.MODIFIED_ON)))
				.execute();
		}
		return written;
	}

}
