package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmListing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's {@code Jobs_GetList} and {@code Appointments_GetList}.
 * Authentication, tenant binding, rate limits and faults are applied in front of this controller.
 */
@RestController
@RequestMapping("/jpm/v2/tenant/{tenant}")
class JpmController {

	private final CrmCatalog catalog;

	private final CrmSettings settings;

	JpmController(CrmCatalog catalog, CrmSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	/** Jobs have no active flag and no {@code active} filter. */
	@GetMapping("/jobs")
	Page<Job> jobs(@PathVariable long tenant, CrmListArguments arguments) {

		var query = arguments.withoutActive().toQuery(settings);
		return Page.of(query, CrmListing.of(catalog.tenant(tenant).jobs(), query), job -> job);
	}

	@GetMapping("/appointments")
	Page<Appointment> appointments(@PathVariable long tenant, CrmListArguments arguments) {

		var query = arguments.toQuery(settings);
		return Page.of(query, CrmListing.of(catalog.tenant(tenant).appointments(), query), appointment -> appointment);
	}
}
