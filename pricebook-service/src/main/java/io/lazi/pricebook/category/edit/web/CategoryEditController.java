package io.lazi.pricebook.category.edit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.edit.CategoryEdit;
import io.lazi.pricebook.category.edit.CategoryEdits;
import io.lazi.pricebook.category.edit.CategoryStructure.Deletion;
import io.lazi.pricebook.category.edit.CategoryStructure;
import io.lazi.pricebook.category.edit.PendingItems;
import io.lazi.pricebook.category.edit.UploadCheck;
import io.lazi.pricebook.category.edit.UploadCheckException;
import io.lazi.pricebook.category.tree.CategoryView;
import tools.jackson.databind.JsonNode;

/**
 * Local edits of the tenant's categories (the gateway enforces {@code pricebook:write}): overrides and
 * their discard, reorder and move, create and delete of subcategories. Bad input answers 400 naming the
 * field and changes nothing; another tenant's or the wrong kind of item 404; an edit the item's state
 * forbids (a move under the item itself, a delete of an item with children) 409.
 */
@Tag(name = "Local edits", description = "Overrides, moves, creates and deletes of categories, pending until pushed to ServiceTitan.")
@RestController
@RequestMapping("/api/pricebook/categories")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CategoryEditController {

	private static final Logger LOG = LoggerFactory.getLogger(CategoryEditController.class);

	private final CategoryEdits edits;

	private final CategoryStructure structure;

	private final UploadCheck uploads;

	/** Overrides a root: {@code {name?, imageUploadId?, position?, isVisibleCrm?}}; answers the item's view. */
	@Operation(summary = "Override a root category",
			description = "Body `{name?, imageUploadId?, position?, isVisibleCrm?}` (`imageUploadId` from `POST /images/uploads` of the same tenant); answers the category with its pending values.")
	@PostMapping("/{stId}/override")
	CategoryView overrideRoot(Tenant tenant, @PathVariable long stId, @RequestBody(required = false) @Nullable JsonNode body) {
		return edits.override(tenant, stId, false, checked(tenant, EditRequests.override(body)));
	}

	/** Overrides a subcategory, same body as for a root. */
	@Operation(summary = "Override a subcategory",
			description = "Body `{name?, imageUploadId?, position?, isVisibleCrm?}` as for a root; answers the subcategory with its pending values.")
	@PostMapping("/subcategories/{stId}/override")
	CategoryView overrideSubcategory(Tenant tenant, @PathVariable long stId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return edits.override(tenant, stId, true, checked(tenant, EditRequests.override(body)));
	}

	/** Discards the item's unpushed local changes; answers its view with ServiceTitan's values. */
	@Operation(summary = "Discard a category's unpushed changes",
			description = "Answers the category with ServiceTitan's values.")
	@DeleteMapping("/{stId}/override")
	CategoryView discard(Tenant tenant, @PathVariable long stId) {
		return edits.discard(tenant, stId);
	}

	/** {@code {count, items: [{stId, name, localStatus, pendingFields, pendingSince, pushError, conflictId}]}}. */
	@Operation(summary = "List the changes pending a push")
	@GetMapping("/pending")
	PendingItems pending(Tenant tenant) {
		return edits.pending(tenant);
	}

	/** Body {@code {position, parentStId?}}; answers the root's view. */
	@Operation(summary = "Move a root category to another position", description = "Body `{position}` (0-based index among the roots; the index it already has changes nothing); answers the root.")
	@PostMapping("/{stId}/reorder")
	CategoryView reorderRoot(Tenant tenant, @PathVariable long stId, @RequestBody(required = false) @Nullable JsonNode body) {
		return reorder(tenant, stId, false, body);
	}

	/** Body {@code {position, parentStId?}} ({@code parentStId} present: a move); answers the item's view. */
	@Operation(summary = "Move a subcategory",
			description = "Body `{position, parentStId?}` (0-based index among the siblings; the index it already has, under the same parent, changes nothing); with `parentStId`, a move under another parent (at most 8 levels deep, never under itself). Answers the subcategory.")
	@PostMapping("/subcategories/{stId}/reorder")
	CategoryView reorderSubcategory(Tenant tenant, @PathVariable long stId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return reorder(tenant, stId, true, body);
	}

	/** Body {@code {name, position?, imageUploadId?, isVisibleCrm?}}; 201 with the new item's view. */
	@Operation(summary = "Create a subcategory",
			description = "Body `{name, position?, imageUploadId?, isVisibleCrm?}`; 201 with the new subcategory, whose `stId` is negative until it is pushed.")
	@PostMapping("/{parentStId}/subcategories")
	@ResponseStatus(HttpStatus.CREATED)
	CategoryView create(Tenant tenant, @PathVariable long parentStId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return structure.create(tenant, parentStId, checked(tenant, EditRequests.create(body)));
	}

	/** {@code {stId, removed, item}}: removed at once when never pushed, else pending deletion. */
	@Operation(summary = "Delete a subcategory",
			description = "Removed at once when it was never pushed, else pending deletion; 409 while it has subcategories.")
	@DeleteMapping("/subcategories/{stId}")
	Deletion delete(Tenant tenant, @PathVariable long stId) {
		return structure.delete(tenant, stId);
	}

	private CategoryView reorder(Tenant tenant, long stId, boolean subcategory, @Nullable JsonNode body) {

		var object = EditRequests.object(body);
		var position = EditRequests.position(object, "position");
		if (position == null) {
			throw new InvalidInputException("position", "is required");
		}
		return structure.reorder(tenant, stId, subcategory, position, EditRequests.id(object, "parentStId"));
	}

	/** The edit, once its {@code imageUploadId} (if any) is known to name an upload of the tenant. */
	private CategoryEdit checked(Tenant tenant, CategoryEdit edit) {

		uploads.requireOwn(tenant, edit.imageUploadId());
		return edit;
	}

	@ExceptionHandler(UploadCheckException.class)
	ProblemDetail uploadCheckFailed(UploadCheckException ex) {

		LOG.warn("Could not check an image upload: {}", ex.getMessage());
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The image upload could not be checked; nothing was changed, try again");
		problem.setType(Problems.INTERNAL);
		problem.setTitle("Upstream failure");
		return problem;
	}
}
