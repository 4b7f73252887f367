package io.lazi.stsimulator.pricebook.sku;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.listing.ListedRecord;
import org.jspecify.annotations.Nullable;

/**
 * One pricebook SKU as the simulator stores it; the fields the three kinds share, plus the few that
 * only some kinds show ({@code manufacturer}, {@code model}, {@code unitOfMeasure},
 * {@code warrantyMonths}). Immutable. Amounts are in the tenant's currency with two decimals.
 *
 * @param id the SKU id, unique within tenant and kind
 * @param code the SKU code
 * @param displayName the name shown to customers
 * @param description an HTML description
 * @param price the standard price
 * @param memberPrice the price for members of a maintenance plan
 * @param addOnPrice the price when sold as an add-on
 * @param addOnMemberPrice the add-on price for members
 * @param cost the cost to the contractor
 * @param hours the labour hours
 * @param active whether the SKU is active
 * @param taxable whether the SKU is taxable
 * @param categoryIds the categories the SKU is filed under
 * @param businessUnitId the owning business unit, if any
 * @param manufacturer the manufacturer (equipment)
 * @param model the model (equipment)
 * @param unitOfMeasure the unit (materials, equipment)
 * @param vendorName the primary vendor (materials, equipment)
 * @param warrantyMonths the warranty duration in months (services, equipment)
 * @param createdOn when the SKU was created
 * @param modifiedOn when the SKU was last modified
 */
public record Sku(long id, String code, String displayName, String description, BigDecimal price,
		BigDecimal memberPrice, BigDecimal addOnPrice, BigDecimal addOnMemberPrice, BigDecimal cost, BigDecimal hours,
		boolean active, boolean taxable, List<Long> categoryIds, @Nullable Long businessUnitId,
		@Nullable String manufacturer, @Nullable String model, @Nullable String unitOfMeasure,
		@Nullable String vendorName, int warrantyMonths, Instant createdOn, Instant modifiedOn) implements ListedRecord {

	/**
	 * Normalises the category list to an unmodifiable copy.
	 */
	public Sku {
		categoryIds = List.copyOf(categoryIds);
	}

	/**
	 * Applies an admin edit and stamps the modification time.
	 *
	 * @param edit the fields to change
	 * @param now the new {@code modifiedOn}
	 * @return the edited copy
	 */
	public Sku edited(SkuEdit edit, Instant now) {
		return new Sku(id, code, edit.displayName() != null ? edit.displayName() : displayName,
				edit.description() != null ? edit.description() : description,
				edit.price() != null ? edit.price() : price, memberPrice, addOnPrice, addOnMemberPrice, cost, hours,
				edit.active() != null ? edit.active() : active, taxable, categoryIds, businessUnitId, manufacturer, model,
				unitOfMeasure, vendorName, warrantyMonths, createdOn, now);
	}
}
