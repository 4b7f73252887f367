package io.lazi.pricebook.category.edit.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.edit.CategoryEdits;
import io.lazi.pricebook.category.edit.PendingItems;
import io.lazi.pricebook.category.tree.CategoryView;

import tools.jackson.databind.JsonNode;

/**
 * Local edits of the tenant's categories (the gateway enforces {@code pricebook:write}). Bad input
 * answers 400 naming the field and changes nothing; another tenant's or the wrong kind of item 404;
 * an edit the item's state forbids 409.
 */
@RestController
@RequestMapping("/api/pricebook/categories")
class CategoryEditController {

	private final CategoryEdits edits;

	CategoryEditController(CategoryEdits edits) {
		this.edits = edits;
	}

	/** Overrides a root: {@code {name?, imageUploadId?, position?, isVisibleCrm?}}; answers the item's view. */
	@PostMapping("/{stId}/override")
	CategoryView overrideRoot(Tenant tenant, @PathVariable long stId, @RequestBody(required = false) @Nullable JsonNode body) {
		return edits.override(tenant.id(), stId, false, EditRequests.override(body));
	}

	/** Overrides a subcategory, same body as for a root. */
	@PostMapping("/subcategories/{stId}/override")
	CategoryView overrideSubcategory(Tenant tenant, @PathVariable long stId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return edits.override(tenant.id(), stId, true, EditRequests.override(body));
	}

	/** Discards the item's unpushed local changes; answers its view with ServiceTitan's values. */
	@DeleteMapping("/{stId}/override")
	CategoryView discard(Tenant tenant, @PathVariable long stId) {
		return edits.discard(tenant.id(), stId);
	}

	/** {@code {count, items: [{stId, name, localStatus, pendingFields, pendingSince, pushError, conflictId}]}}. */
	@GetMapping("/pending")
	PendingItems pending(Tenant tenant) {
		return edits.pending(tenant.id());
	}
}
