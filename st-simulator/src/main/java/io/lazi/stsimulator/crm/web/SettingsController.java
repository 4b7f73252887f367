package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmListing;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
	Page<BusinessUnit> businessUnits(@PathVariable long tenant, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer pageSize,
			@RequestParam(required = false) @Nullable Boolean includeTotal,
			@RequestParam(required = false) @Nullable String active,
			@RequestParam(required = false) @Nullable String modifiedOnOrAfter,
			@RequestParam(required = false) @Nullable String modifiedBefore,
			@RequestParam(required = false) @Nullable String createdOnOrAfter,
			@RequestParam(required = false) @Nullable String createdBefore) {

		var query = new CrmListArguments(page, pageSize, includeTotal, active, modifiedOnOrAfter, modifiedBefore,
				createdOnOrAfter, createdBefore).toQuery(settings);
		return Page.of(query, CrmListing.of(catalog.tenant(tenant).businessUnits(), query), unit -> unit);
	}
}
