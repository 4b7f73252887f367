package io.lazi.stsimulator.pricebook.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import io.lazi.stsimulator.pricebook.CategoryEdit;
import io.lazi.stsimulator.pricebook.sku.SkuCatalog;
import io.lazi.stsimulator.pricebook.sku.SkuEdit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin edits that simulate a user changing pricebook data in ServiceTitan, for incremental-sync
 * tests. No authentication.
 * <ul>
 * <li>{@code PATCH /admin/tenants/{tenant}/categories/{id}} takes any subset of {@code {"name",
 * "active", "image"}} ({@code image: null} clears the image) and bumps the category's
 * {@code modifiedOn} to now; {@code DELETE} removes the category with its whole subtree.</li>
 * <li>{@code PATCH /admin/tenants/{tenant}/{services|materials|equipment}/{id}} takes any subset of
 * {@code {"displayName": string, "description": string, "price": number, "active": boolean}}, bumps
 * {@code modifiedOn} to now and answers the SKU as the API shows it.</li>
 * <li>{@code POST /admin/data/reset} restores the seed data (categories and SKUs; created categories
 * are gone and ids start over).</li>
 * </ul>
 * 404 for an unknown category or SKU, 400 naming a field of the wrong type.
 */
@RestController
@RequestMapping("/admin")
class PricebookAdminController {

	private final CategoryCatalog categories;

	private final SkuCatalog skus;

	PricebookAdminController(CategoryCatalog categories, SkuCatalog skus) {

		this.categories = categories;
		this.skus = skus;
	}

	@PatchMapping("/tenants/{tenant}/categories/{id}")
	CategoryResponse editCategory(@PathVariable long tenant, @PathVariable long id,
			@RequestBody Map<String, @Nullable Object> body) {

		var edited = categories.edit(tenant, id, toCategoryEdit(body))
			.orElseThrow(() -> ApiException.notFound("Category with id %d".formatted(id)));
		return CategoryResponse.nested(categories.tenant(tenant).tree(edited, child -> true));
	}

	@DeleteMapping("/tenants/{tenant}/categories/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteCategory(@PathVariable long tenant, @PathVariable long id) {

		if (!categories.delete(tenant, id)) {
			throw ApiException.notFound("Category with id %d".formatted(id));
		}
	}

	@PatchMapping("/tenants/{tenant}/{kind:services|materials|equipment}/{id}")
	Object editSku(@PathVariable long tenant, @PathVariable String kind, @PathVariable long id,
			@RequestBody Map<String, @Nullable Object> body) {

		var skuKind = SkusController.kindOf(kind);
		var edited = skus.edit(skuKind, tenant, id, toSkuEdit(body))
			.orElseThrow(() -> ApiException.notFound("%s with id %d".formatted(skuKind.label(), id)));
		return SkusController.response(skuKind, edited, categories.tenant(tenant));
	}

	@PostMapping("/data/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset() {

		categories.reset();
		skus.reset();
	}

	private static CategoryEdit toCategoryEdit(Map<String, @Nullable Object> body) {

		var name = body.get("name");
		if (body.containsKey("name") && !(name instanceof String text && !text.isBlank())) {
			throw ApiException.badRequest("name", "The name must be a non-blank string.");
		}
		var active = active(body);
		var image = body.get("image");
		if (image != null && !(image instanceof String path && path.startsWith("Images/"))) {
			throw ApiException.badRequest("image", "The image must be null or a path starting with \"Images/\".");
		}
		return new CategoryEdit((String) name, active, body.containsKey("image"), (String) image);
	}

	private static SkuEdit toSkuEdit(Map<String, @Nullable Object> body) {

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
		return new SkuEdit((String) displayName, (String) description,
				price == null ? null : new BigDecimal(price.toString()).setScale(2, RoundingMode.HALF_UP), active(body));
	}

	private static @Nullable Boolean active(Map<String, @Nullable Object> body) {

		var active = body.get("active");
		if (body.containsKey("active") && !(active instanceof Boolean)) {
			throw ApiException.badRequest("active", "The active flag must be true or false.");
		}
		return (Boolean) active;
	}
}
