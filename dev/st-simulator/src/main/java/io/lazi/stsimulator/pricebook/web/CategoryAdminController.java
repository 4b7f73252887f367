package io.lazi.stsimulator.pricebook.web;

import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import io.lazi.stsimulator.pricebook.CategoryEdit;
import io.lazi.stsimulator.pricebook.sku.SkuCatalog;
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
 * Admin edits that simulate a user changing data in ServiceTitan, for incremental-sync tests. No
 * authentication. {@code PATCH} takes any subset of {@code {"name", "active", "image"}} ({@code image:
 * null} clears the image) and bumps the category's {@code modifiedOn} to now; {@code DELETE} removes
 * the category with its whole subtree; {@code POST /admin/data/reset} restores the seed data
 * (categories and SKUs; created categories are gone and ids start over).
 */
@RestController
@RequestMapping("/admin")
class CategoryAdminController {

	private final CategoryCatalog catalog;

	private final SkuCatalog skus;

	CategoryAdminController(CategoryCatalog catalog, SkuCatalog skus) {

		this.catalog = catalog;
		this.skus = skus;
	}

	@PatchMapping("/tenants/{tenant}/categories/{id}")
	CategoryResponse edit(@PathVariable long tenant, @PathVariable long id, @RequestBody Map<String, @Nullable Object> body) {

		var edited = catalog.edit(tenant, id, toEdit(body))
			.orElseThrow(() -> ApiException.notFound("Category with id %d".formatted(id)));
		var categories = catalog.tenant(tenant);
		return CategoryResponse.nested(categories.tree(edited, child -> true));
	}

	@DeleteMapping("/tenants/{tenant}/categories/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long tenant, @PathVariable long id) {

		if (!catalog.delete(tenant, id)) {
			throw ApiException.notFound("Category with id %d".formatted(id));
		}
	}

	@PostMapping("/data/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset() {

		catalog.reset();
		skus.reset();
	}

	private static CategoryEdit toEdit(Map<String, @Nullable Object> body) {

		var name = body.get("name");
		if (body.containsKey("name") && !(name instanceof String text && !text.isBlank())) {
			throw ApiException.badRequest("name", "The name must be a non-blank string.");
		}
		var active = body.get("active");
		if (body.containsKey("active") && !(active instanceof Boolean)) {
			throw ApiException.badRequest("active", "The active flag must be true or false.");
		}
		var image = body.get("image");
		if (image != null && !(image instanceof String path && path.startsWith("Images/"))) {
			throw ApiException.badRequest("image", "The image must be null or a path starting with \"Images/\".");
		}
		return new CategoryEdit((String) name, (Boolean) active, body.containsKey("image"), (String) image);
	}
}
