package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
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
	PagedResponse<Job> jobs(@PathVariable long tenant, ListArguments arguments) {

		var query = arguments.withoutActive().validate(settings);
		return PagedResponse.of(query, query.select(catalog.tenant(tenant).jobs()), job -> job);
	}

	@GetMapping("/appointments")
	PagedResponse<Appointment> appointments(@PathVariable long tenant, ListArguments arguments) {

		var query = arguments.validate(settings);
		return PagedResponse.of(query, query.select(catalog.tenant(tenant).appointments()), appointment -> appointment);
	}
}
