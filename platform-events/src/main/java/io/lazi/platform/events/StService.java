package io.lazi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan service SKU ({@code GET /pricebook/v2/tenant/{tenant}/services},
 * {@code Pricebook.V2.ServiceGetResponse}); the fields Lazi uses, names as ServiceTitan's.
 *
 * @param description HTML
 * @param categories the categories it belongs to, as {@code {id, name, active}} objects (unlike materials)
 * @param hours labour hours
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StService(long id, String code, @Nullable String displayName, @Nullable String description,
		List<Category> categories, BigDecimal price, BigDecimal memberPrice, BigDecimal addOnPrice, BigDecimal cost,
		BigDecimal hours, boolean taxable, boolean active, @Nullable Long businessUnitId,
		@Nullable String defaultAssetUrl, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {

	/** {@code Pricebook.V2.SkuCategoryResponse}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Category(long id, @Nullable String name, boolean active) {
	}
}
