package io.lazi.crm.deal;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A line item as a user sends it.
 *
 * @param productType {@code service}, {@code material} or {@code equipment}, required
 * @param productId the product's ServiceTitan id, required; a product of the tenant's pricebook snapshot
 * @param quantity {@code > 0}, at most 3 decimals; {@code null} for 1
 * @param unitPrice in the tenant's currency, {@code >= 0}, at most 2 decimals; {@code null} for the product's price
 *        now
 * @param discount an amount in the tenant's currency, 0..quantity*unitPrice, at most 2 decimals; {@code null} for 0
 */
public record LineItemSpec(@Nullable String productType, @Nullable Long productId, @Nullable BigDecimal quantity,
		@Nullable BigDecimal unitPrice, @Nullable BigDecimal discount) {
}
