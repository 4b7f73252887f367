package io.lazi.pricebook.sku;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StService;

/**
 * One SKU's ServiceTitan values as stored; the kind-specific values are {@code null} for the other kinds.
 *
 * @param categoryStIds ids of the categories it is linked to, in ServiceTitan's order
 * @param hours labour hours (services)
 * @param taxable services only
 * @param unitOfMeasure materials only
 * @param isInventory materials only
 * @param manufacturer equipment only
 * @param model equipment only
 */
record Sku(SkuKind kind, long stId, String code, @Nullable String displayName, @Nullable String description,
		@Nullable BigDecimal price, @Nullable BigDecimal memberPrice, @Nullable BigDecimal addOnPrice,
		@Nullable BigDecimal cost, boolean active, List<Long> categoryStIds, @Nullable Long businessUnitId,
		@Nullable BigDecimal hours, @Nullable Boolean taxable, @Nullable String unitOfMeasure,
		@Nullable Boolean isInventory, @Nullable String manufacturer, @Nullable String model,
		@Nullable Instant createdOn, @Nullable Instant modifiedOn) {

	/**
	 * The SKU a ServiceTitan record describes.
	 *
	 * @throws IllegalArgumentException for a record that is no SKU or lacks its code
	 */
	static Sku of(Object record) {

		var sku = switch (record) {
			case StService s -> new Sku(SkuKind.SERVICE, s.id(), s.code(), s.displayName(), s.description(), s.price(),
					s.memberPrice(), s.addOnPrice(), s.cost(), s.active(), serviceCategories(s), s.businessUnitId(),
					s.hours(), s.taxable(), null, null, null, null, s.createdOn(), s.modifiedOn());
			case StMaterial m -> new Sku(SkuKind.MATERIAL, m.id(), m.code(), m.displayName(), m.description(),
					m.price(), m.memberPrice(), m.addOnPrice(), m.cost(), m.active(), ids(m.categories()),
					m.businessUnitId(), null, null, m.unitOfMeasure(), m.isInventory(), null, null, m.createdOn(),
					m.modifiedOn());
			case StEquipment e -> new Sku(SkuKind.EQUIPMENT, e.id(), e.code(), e.displayName(), e.description(),
					e.price(), e.memberPrice(), e.addOnPrice(), e.cost(), e.active(), ids(e.categories()), null, null,
					null, null, null, e.manufacturer(), e.model(), e.createdOn(), e.modifiedOn());
			default -> throw new IllegalArgumentException("Not a ServiceTitan SKU: " + record.getClass().getName());
		};
		if (sku.code() == null) {
			throw new IllegalArgumentException(sku.kind().column() + " " + sku.stId() + " has no code");
		}
		return sku;
	}

	private static List<Long> serviceCategories(StService service) {
		return service.categories() == null ? List.of()
				: service.categories().stream().map(StService.Category::id).distinct().toList();
	}

	private static List<Long> ids(@Nullable List<Long> categories) {
		return categories == null ? List.of() : categories.stream().distinct().toList();
	}
}
