package io.lazi.stsimulator.pricebook.sku;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * An admin change of a SKU, as a user would make it in ServiceTitan; a null field stays unchanged.
 *
 * @param displayName the new name
 * @param description the new description
 * @param price the new price
 * @param active the new active flag
 */
public record SkuEdit(@Nullable String displayName, @Nullable String description, @Nullable BigDecimal price,
		@Nullable Boolean active) {
}
