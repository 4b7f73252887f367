package io.lazi.stsimulator.pricebook.web;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lazi.stsimulator.pricebook.sku.Sku;
import org.jspecify.annotations.Nullable;

/**
 * The nested objects of ServiceTitan's SKU responses.
 */
final class SkuParts {

	private SkuParts() {
	}

	static Warranty warranty(Sku sku) {
		return new Warranty(sku.warrantyMonths(), sku.warrantyMonths() == 0 ? null
				: "%d months parts and labor".formatted(sku.warrantyMonths()));
	}

	static List<Vendor> vendor(Sku sku) {
		return sku.vendorName() == null ? List.of()
				: List.of(new Vendor(sku.id() * 10 + 1, sku.vendorName(), 9000 + Math.floorMod(sku.vendorName().hashCode(), 100),
						null, sku.code(), sku.cost(), true, null, null));
	}

	/**
	 * {@code Pricebook.V2.SkuWarrantyResponse}.
	 *
	 * @param duration the duration in months
	 * @param description the terms
	 */
	record Warranty(int duration, @Nullable String description) {
	}

	/**
	 * {@code Pricebook.V2.SkuCategoryResponse}: how services name their categories.
	 *
	 * @param id the category id
	 * @param name the category name
	 * @param active whether the category is active
	 */
	record CategoryRef(long id, String name, boolean active) {
	}

	/**
	 * {@code Pricebook.V2.SkuLinkResponse}.
	 *
	 * @param skuId the linked SKU
	 * @param quantity how many
	 */
	record Link(long skuId, BigDecimal quantity) {
	}

	/**
	 * {@code Pricebook.V2.SkuAssetResponse}.
	 *
	 * @param alias the alias
	 * @param fileName the file name
	 * @param isDefault whether it is the default asset
	 * @param type Other, Image, Video, Attachment or VideoFile
	 * @param url the asset's storage path
	 */
	record Asset(@Nullable String alias, @Nullable String fileName, boolean isDefault, String type, String url) {
	}

	/**
	 * {@code Pricebook.V2.SkuVendorResponse}. A missing {@code primarySubAccount} is left out rather
	 * than written as null: the spec wraps it in a single-{@code $ref} {@code oneOf}, which null does
	 * not match for strict validators.
	 *
	 * @param id the vendor link id
	 * @param vendorName the vendor
	 * @param vendorId the vendor id
	 * @param memo a memo
	 * @param vendorPart the vendor's part number
	 * @param cost the vendor's cost
	 * @param active whether the link is active
	 * @param primarySubAccount the primary sub-account
	 * @param otherSubAccounts other sub-accounts
	 */
	record Vendor(long id, String vendorName, long vendorId, @Nullable String memo, @Nullable String vendorPart,
			BigDecimal cost, boolean active, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Object primarySubAccount,
			@Nullable List<Object> otherSubAccounts) {
	}

	/**
	 * {@code Pricebook.V2.EquipmentRecommendationResponse}.
	 *
	 * @param skuId the recommended SKU
	 * @param type Service or Material
	 */
	record Recommendation(long skuId, String type) {
	}
}
