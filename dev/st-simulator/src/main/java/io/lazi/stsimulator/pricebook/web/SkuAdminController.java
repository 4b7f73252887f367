package io.lazi.stsimulator.pricebook.web;

import java.math.BigDecimal;
import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import io.lazi.stsimulator.pricebook.sku.SkuCatalog;
import io.lazi.stsimulator.pricebook.sku.SkuEdit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin edits of SKUs that simulate a user changing them in ServiceTitan, for incremental-sync
 * tests. No authentication. {@code PATCH /admin/tenants/{tenant}/{services|materials|equipment}/{id}}
 * takes any subset of {@code {"displayName": string, "description": string, "price": number,
 * "active": boolean}}, bumps {@code modifiedOn} to now and answers the SKU as the API shows it;
 * 404 for an unknown SKU, 400 naming a field of the wrong type. {@code POST /admin/data/reset}
 * restores the seeded SKUs too.
 */
@RestController
@RequestMapping("/admin/tenants/{tenant}")
class SkuAdminController {

	private final SkuCatalog skus;

	private final CategoryCatalog categories;

	SkuAdminController(SkuCatalog skus, CategoryCatalog categories) {

		this.skus = skus;
		this.categories = categories;
	}

	@PatchMapping("/{kind:services|materials|equipment}/{id}")
	Object edit(@PathVariable long tenant, @PathVariable String kind, @PathVariable long id,
			@RequestBody Map<String, @Nullable Object> body) {

		var skuKind = SkusController.kindOf(kind);
		var edited = skus.edit(skuKind, tenant, id, toEdit(body))
			.orElseThrow(() -> ApiException.notFound("%s with id %d".formatted(skuKind.label(), id)));
		return switch (skuKind) {
			case SERVICES -> ServiceResponse.of(edited, categories.tenant(tenant));
			case MATERIALS -> MaterialResponse.of(edited);
			case EQUIPMENT -> EquipmentResponse.of(edited);
		};
	}

	private static SkuEdit toEdit(Map<String, @Nullable Object> body) {

		var displayName = body.get("displayName");
		if (body.containsKey("displayName") && !(displayName instanceof String text && !text.isBlank())) {
			throw ApiException.badRequest("displayName", "The display name must be a non-blank string.");
		}
		var description = body.get("description");
		if (body.containsKey("description") && !(description instanceof String)) {
			throw ApiException.badRequest("description", "The description must be a string.");
		}
		var price = body.get("price");
		if (body.containsKey("price") && !(price instanceof Number number && number.doubleValue() >= 0)) {
			throw ApiException.badRequest("price", "The price must be a number of at least 0.");
		}
		var active = body.get("active");
		if (body.containsKey("active") && !(active instanceof Boolean)) {
			throw ApiException.badRequest("active", "The active flag must be true or false.");
		}
		return new SkuEdit((String) displayName, (String) description,
				price == null ? null : new BigDecimal(price.toString()).setScale(2, java.math.RoundingMode.HALF_UP),
				(Boolean) active);
	}
}
