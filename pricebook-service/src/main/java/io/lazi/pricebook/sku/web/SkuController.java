package io.lazi.pricebook.sku.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.listing.ActiveFilter;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.pricebook.sku.SkuFilter;
import io.lazi.pricebook.sku.SkuKind;
import io.lazi.pricebook.sku.SkuQueries;
import io.lazi.pricebook.sku.SkuView;

/**
 * The tenant's services, materials and equipment, read-only, under {@code /api/pricebook/services},
 * {@code /materials} and {@code /equipment}. The tenant comes from the gateway's {@code X-Tenant-ID};
 * another tenant's SKU answers 404, bad paging or filters 400 naming the field.
 */
@Tag(name = "SKUs", description = "Services, materials and equipment of the pricebook, as pulled from ServiceTitan.")
@RestController
@RequestMapping("/api/pricebook")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SkuController {

	private static final String KIND = "/{kind:services|materials|equipment}";

	private final SkuQueries skus;

	/**
	 * SKUs by code. {@code categoryId} keeps those linked to that category (with
	 * {@code includeSubcategories=true} also to its descendants); {@code search} matches code, display
	 * name or description case-insensitively; {@code active} is {@code true} (default), {@code false} or {@code all}.
	 */
	@Operation(summary = "List the SKUs of one kind",
			description = "`kind` is `services`, `materials` or `equipment`. `categoryId` keeps the SKUs assigned to that category (`includeSubcategories=true`: also to its descendants); `search` matches code, display name or description, case-insensitively; `active` is `true` (default), `false` or `all`.")
	@GetMapping(KIND)
	Page<SkuView> list(Tenant tenant, @PathVariable String kind, @RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(defaultValue = "false") boolean includeSubcategories,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(defaultValue = "true") String active, PageRequest page) {
		return skus.list(tenant, SkuKind.ofPath(kind),
				filter(categoryId, includeSubcategories, search, ActiveFilter.of(active)), page);
	}

	@Operation(summary = "Read one SKU")
	@GetMapping(KIND + "/{stId}")
	SkuView sku(Tenant tenant, @PathVariable String kind, @PathVariable long stId) {
		return skus.find(tenant, SkuKind.ofPath(kind), stId);
	}

	private static SkuFilter filter(@Nullable Long categoryId, boolean includeSubcategories, @Nullable String search,
			ActiveFilter active) {

		if (includeSubcategories && categoryId == null) {
			throw new InvalidInputException("includeSubcategories", "needs a categoryId");
		}
		if (search != null && search.trim().length() > SkuFilter.MAX_SEARCH_LENGTH) {
			throw new InvalidInputException("search", "must be at most " + SkuFilter.MAX_SEARCH_LENGTH + " characters");
		}
		return new SkuFilter(categoryId, includeSubcategories, search, active);
	}
}
