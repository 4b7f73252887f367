package io.lazi.pricebook.sku;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One service, material or equipment SKU as the REST API shows it. Prices are ServiceTitan's, in the
 * tenant's currency. Kind-specific fields are left out for the other kinds.
 *
 * @param description HTML, as ServiceTitan stores it
 * @param categories the linked categories; {@code name} is {@code null} for a category not (yet) synced
 * @param hours labour hours (services only)
 * @param lastSyncedAt when a sync last stored this SKU
 */
public record SkuView(long stId, String code, @Nullable String displayName, @Nullable String description,
		@Nullable BigDecimal price, @Nullable BigDecimal memberPrice, @Nullable BigDecimal addOnPrice,
		@Nullable BigDecimal cost, boolean active, List<CategoryRef> categories, @Nullable Long businessUnitId,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BigDecimal hours,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean taxable,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String unitOfMeasure,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean isInventory,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String manufacturer,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String model, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn, Instant lastSyncedAt) {

	/** A linked category: its ServiceTitan id and, where the tree knows it, its name. */
	public record CategoryRef(long stId, @Nullable String name) {
	}

	static SkuView of(StoredSku stored, Map<Long, String> categoryNames) {

		var sku = stored.sku();
		var categories = sku.categoryStIds()
			.stream()
			.map(id -> new CategoryRef(id, categoryNames.get(id)))
			.toList();
		return new SkuView(sku.stId(), sku.code(), sku.displayName(), sku.description(), sku.price(),
				sku.memberPrice(), sku.addOnPrice(), sku.cost(), sku.active(), categories, sku.businessUnitId(),
				sku.hours(), sku.taxable(), sku.unitOfMeasure(), sku.isInventory(), sku.manufacturer(), sku.model(),
				sku.createdOn(), sku.modifiedOn(), stored.lastSyncedAt());
	}

	/** A stored SKU with when a sync last wrote it. */
	record StoredSku(Sku sku, Instant lastSyncedAt) {
	}
}
