package io.lazi.stsimulator.pricebook.web;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import io.lazi.stsimulator.pricebook.CategoryExport;
import io.lazi.stsimulator.pricebook.CategoryListing;
import io.lazi.stsimulator.pricebook.ExportCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's {@code Categories_GetList}, {@code Categories_Get} and {@code Export_Categories}.
 * Authentication, tenant binding, rate limits and faults are applied in front of this controller.
 */
@RestController
@RequestMapping("/pricebook/v2/tenant/{tenant}")
class CategoriesController {

	private final CategoryCatalog catalog;

	private final PricebookSettings settings;

	CategoriesController(CategoryCatalog catalog, PricebookSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/categories")
	PagedResponse<CategoryResponse> list(@PathVariable long tenant, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer pageSize,
			@RequestParam(required = false) @Nullable Boolean includeTotal,
			@RequestParam(required = false) @Nullable String active,
			@RequestParam(required = false) @Nullable String categoryType,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String modifiedOnOrAfter,
			@RequestParam(required = false) @Nullable String modifiedBefore,
			@RequestParam(required = false) @Nullable String createdOnOrAfter,
			@RequestParam(required = false) @Nullable String createdBefore) {

		var shared = new ListArguments(page, pageSize, includeTotal, active, modifiedOnOrAfter, modifiedBefore,
				createdOnOrAfter, createdBefore);
		var query = new CategoryListArguments(categoryType, sort).toQuery(shared, settings);
		return PagedResponse.of(query.filter(), CategoryListing.list(catalog.tenant(tenant), query), CategoryResponse::nested);
	}

	@GetMapping("/categories/{id}")
	CategoryResponse get(@PathVariable long tenant, @PathVariable long id) {

		var categories = catalog.tenant(tenant);
		return categories.find(id)
			.map(category -> CategoryResponse.nested(categories.tree(category, child -> true)))
			.orElseThrow(() -> ApiException.notFound("Category with id %d".formatted(id)));
	}

	@GetMapping("/export/categories")
	ExportResponse<CategoryResponse> export(@PathVariable long tenant, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable Boolean includeRecentChanges) {

		var cursor = ExportCursor.fromArgument(from);
		var batch = CategoryExport.batch(catalog.tenant(tenant), cursor, settings.exportBatchSize());
		return new ExportResponse<>(batch.hasMore(), batch.continueFrom().token(),
				batch.data().stream().map(CategoryResponse::flat).toList());
	}
}
