package io.lazi.stsimulator.crm.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.TenantCrm;
import io.lazi.stsimulator.crm.seed.SyntheticCrm;
import io.lazi.stsimulator.crm.seed.SyntheticCrmEdits;
import io.lazi.stsimulator.errors.ApiException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin calls that give a tenant a synthetic CRM and script its users' edits, for load and fault runs (the
 * fault harness). No authentication; bad input is a 400 naming the field.
 * <ul>
 * <li>{@code POST /admin/tenants/{tenant}/synthetic-crm} body {@code {"customers": 10000, "seed": 1}} replaces
 * the tenant's CRM data by a {@link SyntheticCrm} of that many customers (1..100000), dated relative to now →
 * the count of each record kind. {@code POST /admin/crm/reset} brings back the seed data.</li>
 * <li>{@code POST /admin/tenants/{tenant}/synthetic-crm/edits} body {@code {"count": 500, "seed": 7}} applies
 * that many (1..100000) {@link SyntheticCrmEdits} at once, stamped now → the count of each kind.</li>
 * <li>{@code GET /admin/tenants/{tenant}/crm} → the tenant's CRM records as the simulator holds them now, with the
 * fields the pipeline rules read, for checking a copy against them.</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/tenants/{tenant}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyntheticCrmAdminController {

	private static final int MAX_EDITS = 100_000;

	private final CrmCatalog catalog;

	@PostMapping("/synthetic-crm")
	Map<String, Integer> install(@PathVariable long tenant, @RequestBody SyntheticRequest request) {

		var customers = within("customers", request.customers(), SyntheticCrm.MAX_CUSTOMERS);
		var data = SyntheticCrm.generate(customers, request.seed() == null ? 0L : request.seed(), catalog.now());
		catalog.install(tenant, data);
		return counts(data);
	}

	@PostMapping("/synthetic-crm/edits")
	Map<String, Integer> edit(@PathVariable long tenant, @RequestBody EditsRequest request) {

		var count = within("count", request.count(), MAX_EDITS);
		var applied = new AtomicReference<Map<String, Integer>>();
		catalog.change(tenant, (data, now) -> {
			var result = SyntheticCrmEdits.apply(data, count, request.seed() == null ? 0L : request.seed(), now);
			applied.set(result.applied());
			return result.data();
		});
		return applied.get();
	}

	@GetMapping("/crm")
	Records records(@PathVariable long tenant) {

		var data = catalog.tenant(tenant);
		return new Records(
				data.businessUnits().stream().map(u -> new Records.BusinessUnit(u.id(), u.name())).toList(),
				data.customers().stream().map(c -> new Records.Customer(c.id(), c.name(), c.active())).toList(),
				data.contacts().stream().map(c -> new Records.Contact(c.id(), c.customerId(), c.type(), c.value())).toList(),
				data.jobs().stream().map(j -> new Records.Job(j.id(), j.customerId(), j.businessUnitId(), j.jobStatus(),
						j.createdOn())).toList(),
				data.appointments().stream().map(a -> new Records.Appointment(a.id(), a.jobId(), a.customerId(), a.status()))
					.toList(),
				data.estimates().stream().map(e -> new Records.Estimate(e.id(), e.jobId(), e.customerId(), e.name(),
						e.status().value(), e.subtotal().add(e.tax()))).toList());
	}

	private static Map<String, Integer> counts(TenantCrm data) {
		return Map.of("customers", data.customers().size(), "contacts", data.contacts().size(), "locations",
				data.locations().size(), "jobs", data.jobs().size(), "appointments", data.appointments().size(), "estimates",
				data.estimates().size());
	}

	private static int within(String field, @Nullable Integer value, int max) {

		if (value == null || value < 1 || value > max) {
			throw ApiException.badRequest(field, "The " + field + " field must be between 1 and " + max + ".");
		}
		return value;
	}

	/** The body of {@code POST …/synthetic-crm}. */
	record SyntheticRequest(@Nullable Integer customers, @Nullable Long seed) {
	}

	/** The body of {@code POST …/synthetic-crm/edits}. */
	record EditsRequest(@Nullable Integer count, @Nullable Long seed) {
	}

	/** {@code GET /admin/tenants/{tenant}/crm}: each list in id order. */
	record Records(List<BusinessUnit> businessUnits, List<Customer> customers, List<Contact> contacts, List<Job> jobs,
			List<Appointment> appointments, List<Estimate> estimates) {

		record BusinessUnit(long id, String name) {
		}

		record Customer(long id, String name, boolean active) {
		}

		record Contact(long id, long customerId, String type, String value) {
		}

		record Job(long id, long customerId, long businessUnitId, String jobStatus, Instant createdOn) {
		}

		record Appointment(long id, long jobId, long customerId, String status) {
		}

		/** @param status 0 Open, 1 Sold, 2 Dismissed; {@code value} is subtotal plus tax */
		record Estimate(long id, long jobId, long customerId, String name, int status, BigDecimal value) {
		}
	}
}
