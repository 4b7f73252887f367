package io.lazi.pricebook.category.edit.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.edit.CategoryStructure.Deletion;
import io.lazi.pricebook.category.edit.CategoryStructure;
import io.lazi.pricebook.category.tree.CategoryView;

import tools.jackson.databind.JsonNode;

/**
 * Local changes of the tree's shape (the gateway enforces {@code pricebook:write}): reorder and move,
 * create and delete subcategories. Bad input answers 400 naming the field, a move under the item itself
 * or a delete of an item with children 409.
 */
@RestController
@RequestMapping("/api/pricebook/categories")
class CategoryStructureController {

	private final CategoryStructure structure;

	CategoryStructureController(CategoryStructure structure) {
		this.structure = structure;
	}

	/** Body {@code {position, parentStId?}}; answers the root's view. */
	@PostMapping("/{stId}/reorder")
	CategoryView reorderRoot(Tenant tenant, @PathVariable long stId, @RequestBody(required = false) @Nullable JsonNode body) {
		return reorder(tenant, stId, false, body);
	}

	/** Body {@code {position, parentStId?}} ({@code parentStId} present: a move); answers the item's view. */
	@PostMapping("/subcategories/{stId}/reorder")
	CategoryView reorderSubcategory(Tenant tenant, @PathVariable long stId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return reorder(tenant, stId, true, body);
	}

	/** Body {@code {name, position?, imageUploadId?, isVisibleCrm?}}; 201 with the new item's view. */
	@PostMapping("/{parentStId}/subcategories")
	@ResponseStatus(HttpStatus.CREATED)
	CategoryView create(Tenant tenant, @PathVariable long parentStId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return structure.create(tenant.id(), parentStId, EditRequests.create(body));
	}

	/** {@code {stId, removed, item}}: removed at once when never pushed, else pending deletion. */
	@DeleteMapping("/subcategories/{stId}")
	Deletion delete(Tenant tenant, @PathVariable long stId) {
		return structure.delete(tenant.id(), stId);
	}

	private CategoryView reorder(Tenant tenant, long stId, boolean subcategory, @Nullable JsonNode body) {

		var object = EditRequests.object(body);
		var position = EditRequests.position(object, "position");
		if (position == null) {
			throw new InvalidInputException("position", "is required");
		}
		return structure.reorder(tenant.id(), stId, subcategory, position, EditRequests.id(object, "parentStId"));
	}
}
