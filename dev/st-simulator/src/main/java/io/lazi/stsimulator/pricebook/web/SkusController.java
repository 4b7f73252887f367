package io.lazi.stsimulator.pricebook.web;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import io.lazi.stsimulator.pricebook.ExportCursor;
import io.lazi.stsimulator.pricebook.TenantCategories;
import io.lazi.stsimulator.pricebook.sku.Sku;
import io.lazi.stsimulator.pricebook.sku.SkuCatalog;
import io.lazi.stsimulator.pricebook.sku.SkuKind;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's {@code Services_GetList}/{@code _Get}, {@code Materials_GetList}/{@code _Get},
 * {@code Equipment_GetList}/{@code _Get} and {@code Export_Services}/{@code Materials}/{@code Equipment}:
 * paged lists ({@code PaginatedResponse_Of_*}) filtered as {@link SkuListArguments} describes, a
 * SKU by id (404 {@code ApiErrorResponse} when the tenant has none), and export feeds
 * ({@code from}, {@code continueFrom}, {@code hasMore}) of every SKU ordered by modification.
 */
@RestController
@RequestMapping("/pricebook/v2/tenant/{tenant}")
class SkusController {

	private static final String KINDS = "{kind:services|materials|equipment}";

	private final SkuCatalog skus;

	private final CategoryCatalog categories;

	private final PricebookSettings settings;

	SkusController(SkuCatalog skus, CategoryCatalog categories, PricebookSettings settings) {

		this.skus = skus;
		this.categories = categories;
		this.settings = settings;
	}

	@GetMapping("/" + KINDS)
	PagedResponse<Object> list(@PathVariable long tenant, @PathVariable String kind, ListArguments shared,
			SkuListArguments arguments) {

		var query = arguments.toQuery(shared, settings);
		var skuKind = kindOf(kind);
		var tenantCategories = categories.tenant(tenant);
		return PagedResponse.of(query.filter(), skus.list(skuKind, tenant, query),
				sku -> response(skuKind, sku, tenantCategories));
	}

	@GetMapping("/" + KINDS + "/{id}")
	Object get(@PathVariable long tenant, @PathVariable String kind, @PathVariable long id) {

		var skuKind = kindOf(kind);
		return skus.find(skuKind, tenant, id)
			.map(sku -> response(skuKind, sku, categories.tenant(tenant)))
			.orElseThrow(() -> ApiException.notFound("%s with id %d".formatted(skuKind.label(), id)));
	}

	@GetMapping("/export/" + KINDS)
	ExportResponse<Object> export(@PathVariable long tenant, @PathVariable String kind,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable Boolean includeRecentChanges) {

		var cursor = ExportCursor.fromArgument(from);
		var skuKind = kindOf(kind);
		var batch = skus.export(skuKind, tenant, cursor, settings.exportBatchSize());
		var tenantCategories = categories.tenant(tenant);
		return new ExportResponse<>(batch.hasMore(), batch.continueFrom().token(),
				batch.data().stream().map(sku -> response(skuKind, sku, tenantCategories)).toList());
	}

	/** The SKU as the API shows it: services name their categories from the tenant's pricebook. */
	static Object response(SkuKind kind, Sku sku, TenantCategories categories) {
		return switch (kind) {
			case SERVICES -> ServiceResponse.of(sku, categories);
			case MATERIALS -> MaterialResponse.of(sku);
			case EQUIPMENT -> EquipmentResponse.of(sku);
		};
	}

	static SkuKind kindOf(String segment) {
		return SkuKind.ofSegment(segment).orElseThrow(() -> ApiException.notFound("Resource '%s'".formatted(segment)));
	}
}
