package io.lazi.crm.deal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.deal.ProductView;
import io.lazi.crm.deal.Products;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/** The pricebook products line items are priced from, as the CRM's snapshot holds them. */
@Tag(name = "Products", description = "The pricebook's services, materials and equipment as line items use them.")
@RestController
@RequestMapping("/api/crm/products")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProductController {

	private final Products products;

	@Operation(summary = "List products",
			description = "By name. `q`: each word matches the start of a word of the code or name; `type`: service, material or equipment; `active`: true or false. Kept from ServiceTitan's raw services, materials and equipment (pricebook-service owns them), newest change first.")
	@GetMapping
	Page<ProductView> list(Tenant tenant, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable Boolean active, PageRequest page) {
		return products.list(tenant.id(), q, type, active, page);
	}
}
