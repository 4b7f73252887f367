package io.lazi.crm.deal;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A pricebook product as the CRM keeps it for line items.
 *
 * @param type {@code service}, {@code material} or {@code equipment}
 * @param id its ServiceTitan id, the {@code productId} of a line item
 * @param name ServiceTitan's display name, else its code
 * @param price in the tenant's currency: the price a new line item takes
 * @param modifiedOn when ServiceTitan last changed it
 */
public record ProductView(String type, long id, @Nullable String code, String name, @Nullable String description,
		BigDecimal price, boolean active, @Nullable Instant modifiedOn) {
}
