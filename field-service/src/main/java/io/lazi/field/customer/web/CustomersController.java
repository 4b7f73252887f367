package io.lazi.field.customer.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.field.command.SentOrApplied;
import io.lazi.field.command.Written;
import io.lazi.field.customer.CustomerDetail;
import io.lazi.field.customer.CustomerInput;
import io.lazi.field.customer.CustomerView;
import io.lazi.field.customer.Customers;
import io.lazi.field.customer.LocationView;
import io.lazi.platform.events.StBooking;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StLead;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.Tenant;

/**
 * Customers, their locations and contacts, and ServiceTitan's leads and bookings, as the tenant's customers provider
 * serves them. A write applied here answers 200 (201 for a create) with the record; one sent to ServiceTitan answers
 * 202 with the pending command. Another tenant's id answers 404; bad input 400 naming the field.
 */
@Tag(name = "Customers", description = "Customers with their locations and contacts, leads and bookings.")
@RestController
@RequestMapping("/api/v2")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CustomersController {

	private final Customers customers;

	@Operation(summary = "List or search customers", description = "`q`, `name`, `phone`, `email` and `address` each give words that must all occur (case-insensitively) in the customer's name, phones, emails or address. `active=true` keeps active customers only. By id.")
	@GetMapping("/customers")
	Page<CustomerView> list(Tenant tenant, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String address,
			@RequestParam(defaultValue = "false") boolean active, PageRequest page) {

		var words = String.join(" ", java.util.stream.Stream.of(q, name, phone, email, address)
			.filter(java.util.Objects::nonNull)
			.toList()).strip();
		return customers.list(tenant.id(), words.isEmpty() ? null : words, active, page);
	}

	@Operation(summary = "Read a customer with its locations and latest jobs")
	@GetMapping("/customers/{id}")
	CustomerDetail get(Tenant tenant, @PathVariable long id) {
		return customers.get(tenant.id(), id);
	}

	@Operation(summary = "List a customer's locations")
	@GetMapping("/customers/{id}/locations")
	List<LocationView> locations(Tenant tenant, @PathVariable long id) {
		return customers.locations(tenant.id(), id);
	}

	@Operation(summary = "List a customer's contacts (phones and emails)")
	@GetMapping("/customers/{id}/contacts")
	List<StContact> contacts(Tenant tenant, @PathVariable long id) {
		return customers.customer(tenant.id(), id).contacts();
	}

	@Operation(summary = "Read a location")
	@GetMapping("/locations/{id}")
	LocationView location(Tenant tenant, @PathVariable long id) {
		return customers.location(tenant.id(), id);
	}

	@Operation(summary = "Create a customer", description = "Body `{name, type, address, phone, email}`; `name` required. Under the `servicetitan` provider it is created in ServiceTitan (202 with the command; `phone` and `email` are refused there); else a Lazi-owned customer with a first location at its address (201).")
	@SentOrApplied
	@PostMapping("/customers")
	ResponseEntity<Written<CustomerView>> create(Tenant tenant, @RequestBody(required = false) @Nullable CustomerInput body,
			@AuthenticationPrincipal Jwt user) {

		var written = customers.create(tenant.id(), required(body), user.getSubject());
		return ResponseEntity.status(written.sent() ? HttpStatus.ACCEPTED : HttpStatus.CREATED).body(written);
	}

	@Operation(summary = "Change a customer", description = "Only the fields given change. A ServiceTitan customer is changed there (202 with the command).")
	@SentOrApplied
	@PatchMapping("/customers/{id}")
	ResponseEntity<Written<CustomerView>> update(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable CustomerInput body, @AuthenticationPrincipal Jwt user) {

		var written = customers.update(tenant.id(), id, required(body), user.getSubject());
		return ResponseEntity.status(written.sent() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(written);
	}

	@Operation(summary = "Delete a Lazi-owned customer", description = "204. A ServiceTitan customer answers 409: ServiceTitan's API deletes no customer.")
	@DeleteMapping("/customers/{id}")
	ResponseEntity<Void> delete(Tenant tenant, @PathVariable long id) {

		customers.delete(tenant.id(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "List ServiceTitan's leads", description = "`q` words must all occur in the lead's name, phone, email or summary.")
	@GetMapping("/leads")
	Page<StLead> leads(Tenant tenant, @RequestParam(required = false) @Nullable String q, PageRequest page) {
		return customers.leads(tenant.id(), q, page);
	}

	@Operation(summary = "List ServiceTitan's bookings")
	@GetMapping("/bookings")
	Page<StBooking> bookings(Tenant tenant, @RequestParam(required = false) @Nullable String q, PageRequest page) {
		return customers.bookings(tenant.id(), q, page);
	}

	@ExceptionHandler(Customers.CustomerNotDeletable.class)
	ProblemDetail notDeletable(Customers.CustomerNotDeletable ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Customer not deletable");
		return problem;
	}

	private static CustomerInput required(@Nullable CustomerInput body) {

		if (body == null) {
			throw new InvalidInputException("body", "is required");
		}
		return body;
	}
}
