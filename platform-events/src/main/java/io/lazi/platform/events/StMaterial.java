package io.lazi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan material SKU ({@code GET /pricebook/v2/tenant/{tenant}/materials},
 * {@code Pricebook.V2.MaterialResponse}); the fields Lazi uses, names as ServiceTitan's.
 *
 * @param categories ids of the categories it belongs to (bare ids, unlike services)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StMaterial(long id, String code, @Nullable String displayName, @Nullable String description,
		List<Long> categories, BigDecimal price, BigDecimal memberPrice, BigDecimal addOnPrice, BigDecimal cost,
		@Nullable String unitOfMeasure, boolean isInventory, boolean active, @Nullable Long businessUnitId,
		@Nullable String defaultAssetUrl, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {
}
