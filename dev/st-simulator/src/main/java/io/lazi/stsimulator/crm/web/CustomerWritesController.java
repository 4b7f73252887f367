package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmWrites;
import io.lazi.stsimulator.crm.Customer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * ServiceTitan's {@code Customers_Create} ({@code POST /customers}, 200 {@code CreatedCustomerResponse}: the
 * customer, its locations and contacts under new ids, all stamped now) and {@code Customers_Update}
 * ({@code PATCH /customers/{id}}, only the supplied fields change, 200 {@code CustomerResponse}). Bodies are
 * checked against the spec's request schemas ({@link CustomerRequestBody}); refusals are 400 naming the field and
 * 404 for an unknown id, and change nothing.
 */
@RestController
@RequestMapping("/crm/v2/tenant/{tenant}/customers")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CustomerWritesController {

	private final CrmCatalog catalog;

	@PostMapping
	CreatedCustomerResponse create(@PathVariable long tenant, @RequestBody JsonNode body) {

		var request = CustomerRequestBody.forCreate(body);
		return CreatedCustomerResponse.of(catalog.write(tenant, (data, now) -> CrmWrites.createCustomer(data, request, now)));
	}

	@PatchMapping("/{id}")
	Customer update(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {

		var changes = CustomerRequestBody.forUpdate(body);
		return catalog.write(tenant, (data, now) -> CrmWrites.updateCustomer(data, id, changes, now));
	}
}
