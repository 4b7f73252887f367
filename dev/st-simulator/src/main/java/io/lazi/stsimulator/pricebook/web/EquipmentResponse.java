package io.lazi.stsimulator.pricebook.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lazi.stsimulator.pricebook.web.SkuParts.Asset;
import io.lazi.stsimulator.pricebook.web.SkuParts.Link;
import io.lazi.stsimulator.pricebook.web.SkuParts.Recommendation;
import io.lazi.stsimulator.pricebook.web.SkuParts.Vendor;
import io.lazi.stsimulator.pricebook.web.SkuParts.Warranty;
import io.lazi.stsimulator.pricebook.sku.Sku;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Pricebook.V2.EquipmentResponse} (also the shape of
 * {@code ExportEquipmentResponse}), in the spec's order; {@code categories} are bare ids. Absent single-{@code $ref}
 * {@code oneOf} objects ({@code primaryVendor}, {@code dimensions}) are left out rather than null.
 */
record EquipmentResponse(long id, String code, @Nullable String displayName, String description, boolean active,
		BigDecimal price, BigDecimal memberPrice, BigDecimal addOnPrice, BigDecimal addOnMemberPrice,
		@Nullable String manufacturer, @Nullable String model, Warranty manufacturerWarranty,
		Warranty serviceProviderWarranty, List<Long> categories, List<Asset> assets, List<Recommendation> recommendations,
		List<Long> upgrades, List<Link> equipmentMaterials, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Vendor primaryVendor, List<Vendor> otherVendors,
		@Nullable String account, @Nullable String costOfSaleAccount, @Nullable String assetAccount,
		@Nullable String crossSaleGroup, boolean paysCommission, BigDecimal bonus, BigDecimal commissionBonus,
		BigDecimal hours, boolean taxable, BigDecimal cost, @Nullable String unitOfMeasure, boolean isInventory,
		Instant modifiedOn, @Nullable String source, @Nullable String externalId, List<Object> externalData,
		boolean isConfigurableEquipment, List<Long> variationsOrConfigurableEquipment, @Nullable Long typeId,
		boolean displayInAmount, @Nullable Long generalLedgerAccountId, Instant createdOn,
		@Nullable String defaultAssetUrl, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Object dimensions, @Nullable String budgetCostCode,
		@Nullable String budgetCostType) {

	static EquipmentResponse of(Sku sku) {

		var vendors = SkuParts.vendor(sku);
		var warranty = SkuParts.warranty(sku);
		return new EquipmentResponse(sku.id(), sku.code(), sku.displayName(), sku.description(), sku.active(), sku.price(),
				sku.memberPrice(), sku.addOnPrice(), sku.addOnMemberPrice(), sku.manufacturer(), sku.model(), warranty,
				new Warranty(12, "12 months labor"), sku.categoryIds(), List.of(), List.of(), List.of(), List.of(),
				vendors.isEmpty() ? null : vendors.getFirst(), List.of(), "Equipment Income", "Cost of Equipment", null,
				null, true, BigDecimal.ZERO, BigDecimal.ZERO, sku.hours(), sku.taxable(), sku.cost(), sku.unitOfMeasure(),
				false, sku.modifiedOn(), null, null, List.of(), false, List.of(), null, true, null, sku.createdOn(), null,
				null, null, null);
	}
}
