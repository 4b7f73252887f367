package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's {@code Estimates_GetList} ({@code status} is an object {@code {value, name}}).
 * Authentication, tenant binding, rate limits and faults are applied in front of this controller.
 */
@RestController
@RequestMapping("/sales/v2/tenant/{tenant}")
class SalesController {

	private final CrmCatalog catalog;

	private final CrmSettings settings;

	SalesController(CrmCatalog catalog, CrmSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/estimates")
	PagedResponse<Estimate> estimates(@PathVariable long tenant, ListArguments arguments) {

		var query = arguments.validate(settings);
		return PagedResponse.of(query, query.select(catalog.tenant(tenant).estimates()), estimate -> estimate);
	}
}
