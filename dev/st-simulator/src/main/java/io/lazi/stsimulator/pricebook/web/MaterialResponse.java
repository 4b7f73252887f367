package io.lazi.stsimulator.pricebook.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lazi.stsimulator.pricebook.web.SkuParts.Asset;
import io.lazi.stsimulator.pricebook.web.SkuParts.Vendor;
import io.lazi.stsimulator.pricebook.sku.Sku;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Pricebook.V2.MaterialResponse} (also the shape of
 * {@code ExportMaterialResponse}), in the spec's order; {@code categories} are bare ids. Absent single-{@code $ref}
 * {@code oneOf} objects ({@code primaryVendor}, {@code dimensions}) are left out rather than null.
 */
record MaterialResponse(long id, String code, @Nullable String displayName, String description, BigDecimal cost,
		boolean active, BigDecimal price, BigDecimal memberPrice, BigDecimal addOnPrice, BigDecimal addOnMemberPrice,
		BigDecimal hours, BigDecimal bonus, BigDecimal commissionBonus, boolean paysCommission, boolean deductAsJobCost,
		@Nullable String unitOfMeasure, boolean isInventory, @Nullable String account, @Nullable String costOfSaleAccount,
		@Nullable String assetAccount, boolean taxable, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Vendor primaryVendor, List<Vendor> otherVendors,
		List<Long> categories, List<Asset> assets, Instant modifiedOn, @Nullable String source,
		@Nullable String externalId, List<Object> externalData, boolean isConfigurableMaterial,
		boolean chargeableByDefault, List<Long> variationsOrConfigurableMaterials, @Nullable Long businessUnitId,
		long createdById, Instant createdOn, boolean displayInAmount, @Nullable Long generalLedgerAccountId,
		boolean isOtherDirectCost, @Nullable Long costTypeId, @Nullable String defaultAssetUrl,
		@Nullable String budgetCostCode, @Nullable String budgetCostType) {

	static MaterialResponse of(Sku sku) {

		var vendors = SkuParts.vendor(sku);
		return new MaterialResponse(sku.id(), sku.code(), sku.displayName(), sku.description(), sku.cost(), sku.active(),
				sku.price(), sku.memberPrice(), sku.addOnPrice(), sku.addOnMemberPrice(), sku.hours(), BigDecimal.ZERO,
				BigDecimal.ZERO, false, false, sku.unitOfMeasure(), false, "Materials Income", "Cost of Materials", null,
				sku.taxable(), vendors.isEmpty() ? null : vendors.getFirst(), List.of(), sku.categoryIds(), List.of(),
				sku.modifiedOn(), null, null, List.of(), false, true, List.of(), sku.businessUnitId(), 1001,
				sku.createdOn(), true, null, false, null, null, null, null);
	}
}
