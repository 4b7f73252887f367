package io.lazi.stsimulator.pricebook.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.pricebook.TenantCategories;
import io.lazi.stsimulator.pricebook.web.SkuParts.Asset;
import io.lazi.stsimulator.pricebook.web.SkuParts.CategoryRef;
import io.lazi.stsimulator.pricebook.web.SkuParts.Link;
import io.lazi.stsimulator.pricebook.web.SkuParts.Warranty;
import io.lazi.stsimulator.pricebook.sku.Sku;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Pricebook.V2.ServiceGetResponse} (also the shape of
 * {@code ExportServiceResponse}), in the spec's order, without the {@code calculatePrices} extras.
 * Unlike materials and equipment, a service names its categories as {@code {id, name, active}}.
 */
record ServiceResponse(long id, String code, @Nullable String displayName, String description, Warranty warranty,
		List<CategoryRef> categories, BigDecimal price, BigDecimal memberPrice, BigDecimal addOnPrice,
		BigDecimal addOnMemberPrice, boolean taxable, @Nullable String account, BigDecimal hours, boolean isLabor,
		List<Long> recommendations, List<Long> upgrades, List<Asset> assets, List<Link> serviceMaterials,
		List<Link> serviceEquipment, boolean active, @Nullable String crossSaleGroup, boolean paysCommission,
		BigDecimal bonus, BigDecimal commissionBonus, Instant modifiedOn, @Nullable String source,
		@Nullable String externalId, List<Object> externalData, @Nullable Long businessUnitId, BigDecimal cost,
		Instant createdOn, BigDecimal soldByCommission, @Nullable String defaultAssetUrl, @Nullable String budgetCostCode,
		@Nullable String budgetCostType) {

	static ServiceResponse of(Sku sku, TenantCategories categories) {

		var refs = sku.categoryIds().stream()
			.flatMap(id -> categories.find(id).stream())
			.map(category -> new CategoryRef(category.id(), category.name(), category.active()))
			.toList();
		return new ServiceResponse(sku.id(), sku.code(), sku.displayName(), sku.description(), SkuParts.warranty(sku), refs,
				sku.price(), sku.memberPrice(), sku.addOnPrice(), sku.addOnMemberPrice(), sku.taxable(), "Service Income",
				sku.hours(), true, List.of(), List.of(), List.of(), List.of(), List.of(), sku.active(), null, true,
				BigDecimal.ZERO, BigDecimal.ZERO, sku.modifiedOn(), null, null, List.of(), sku.businessUnitId(), sku.cost(),
				sku.createdOn(), BigDecimal.ZERO, null, null, null);
	}
}
