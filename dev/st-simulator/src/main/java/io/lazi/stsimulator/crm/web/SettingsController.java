package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's {@code BusinessUnits_GetList}.
 * Authentication, tenant binding, rate limits and faults are applied in front of this controller.
 */
@RestController
@RequestMapping("/settings/v2/tenant/{tenant}")
class SettingsController {

	private final CrmCatalog catalog;

	private final CrmSettings settings;

	SettingsController(CrmCatalog catalog, CrmSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/business-units")
	PagedResponse<BusinessUnit> businessUnits(@PathVariable long tenant, ListArguments arguments) {

		var query = arguments.validate(settings);
		return PagedResponse.of(query, query.select(catalog.tenant(tenant).businessUnits()), unit -> unit);
	}
}
