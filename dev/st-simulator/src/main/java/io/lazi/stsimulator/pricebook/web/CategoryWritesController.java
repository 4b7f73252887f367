package io.lazi.stsimulator.pricebook.web;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * ServiceTitan's {@code Categories_Create} ({@code POST /categories}, 201 {@code CategoryResponse}),
 * {@code Categories_Update} ({@code PATCH /categories/{id}}, partial, 200 {@code CategoryResponse})
 * and {@code Categories_Delete} ({@code DELETE /categories/{id}}, 204, the subtree goes too).
 * Bodies are checked against the spec's request schemas ({@link CategoryRequestBody}); refusals are
 * {@code ApiErrorResponse}: 400 naming the field ({@code parentId} unknown or inside the moved
 * subtree, {@code name} blank, wrong types), 404 for an unknown id. A refused write changes nothing.
 * Responses nest the category's current subtree, as {@code Categories_Get} does.
 */
@RestController
@RequestMapping("/pricebook/v2/tenant/{tenant}/categories")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CategoryWritesController {

	private final CategoryCatalog catalog;

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CategoryResponse create(@PathVariable long tenant, @RequestBody JsonNode body) {

		var created = catalog.create(tenant, CategoryRequestBody.forCreate(body));
		return withSubtree(tenant, created);
	}

	@PatchMapping("/{id}")
	CategoryResponse update(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {
		return withSubtree(tenant, catalog.update(tenant, id, CategoryRequestBody.forUpdate(body)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long tenant, @PathVariable long id) {

		if (!catalog.delete(tenant, id)) {
			throw ApiException.notFound("Category with id %d".formatted(id));
		}
	}

	private CategoryResponse withSubtree(long tenant, Category category) {
		return CategoryResponse.nested(catalog.tenant(tenant).tree(category, child -> true));
	}
}
