package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's {@code Customers_GetList} and {@code Customers_GetContactList}.
 * Authentication, tenant binding, rate limits and faults are applied in front of this controller.
 */
@RestController
@RequestMapping("/crm/v2/tenant/{tenant}")
class CustomersController {

	private final CrmCatalog catalog;

	private final CrmSettings settings;

	CustomersController(CrmCatalog catalog, CrmSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/customers")
	PagedResponse<Customer> customers(@PathVariable long tenant, ListArguments arguments) {

		var query = arguments.validate(settings);
		return PagedResponse.of(query, query.select(catalog.tenant(tenant).customers()), customer -> customer);
	}

	/** A customer's contacts; paged like every list, without filters (as ServiceTitan's). */
	@GetMapping("/customers/{id}/contacts")
	PagedResponse<ContactResponse> contacts(@PathVariable long tenant, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer pageSize,
			@RequestParam(required = false) @Nullable Boolean includeTotal) {

		var data = catalog.tenant(tenant);
		data.customer(id).orElseThrow(() -> ApiException.notFound("Customer with id %d".formatted(id)));
		var query = new ListArguments(page, pageSize, includeTotal, "Any", null, null, null, null).validate(settings);
		return PagedResponse.of(query, query.select(data.contactsOf(id)), ContactResponse::of);
	}
}
