package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmListing;
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
	Page<BusinessUnit> businessUnits(@PathVariable long tenant, CrmListArguments arguments) {

		var query = arguments.toQuery(settings);
		return Page.of(query, CrmListing.of(catalog.tenant(tenant).businessUnits(), query), unit -> unit);
	}
}
