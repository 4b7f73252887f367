package io.lazi.stsimulator.crm.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.Booking;
import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmRecord;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.JobReason;
import io.lazi.stsimulator.crm.Lead;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.listing.IdList;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import io.lazi.stsimulator.listing.QueryErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's CRM-side lists, each paged and filtered as {@link ListArguments} describes, in id
 * order, as {@code PaginatedResponse_Of_*}:
 * <ul>
 * <li>settings: {@code BusinessUnits_GetList};</li>
 * <li>crm: {@code Customers_GetList} (plus {@code ids}, comma-separated, at most 50), {@code Customers_GetContactList} (paged only; 404 for an
 * unknown customer), {@code Customers_GetModifiedContactsList} (with {@code customerIds}, comma-separated,
 * at most 50) and {@code Locations_GetList} (plus {@code customerId} and {@code ids},
 * comma-separated, at most 50);</li>
 * <li>crm: {@code Leads_GetList} (no {@code active} filter; plus {@code ids}, {@code customerId}, {@code status},
 * {@code withoutCustomer}, {@code leadCustomerName} and {@code leadPhone}, both contained, any case) and
 * {@code Bookings_GetList} (no {@code active} filter; plus {@code ids} and {@code externalId});</li>
 * <li>jpm: {@code Jobs_GetList} (no {@code active} filter), {@code Appointments_GetList},
 * {@code JobCancelReasons_GetList} and {@code JobHoldReasons_Get} (both {@code active=Any} by default, as
 * ServiceTitan documents);</li>
 * <li>sales: {@code Estimates_GetList} ({@code status} is an object {@code {value, name}}).</li>
 * </ul>
 * Authentication, tenant binding, rate limits and faults are applied in front of this controller.
 */
@RestController
class CrmListsController {

	private static final List<String> LEAD_STATUSES = List.of("Open", "Dismissed", "Converted");

	private final CrmCatalog catalog;

	private final CrmSettings settings;

	CrmListsController(CrmCatalog catalog, CrmSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/settings/v2/tenant/{tenant}/business-units")
	PagedResponse<BusinessUnit> businessUnits(@PathVariable long tenant, ListArguments arguments) {
		return paged(arguments, catalog.tenant(tenant).businessUnits());
	}

	@GetMapping("/crm/v2/tenant/{tenant}/customers")
	PagedResponse<Customer> customers(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable String ids) {

		var wanted = ids("ids", ids);
		return paged(arguments, catalog.tenant(tenant).customers().stream()
			.filter(customer -> wanted == null || wanted.contains(customer.id()))
			.toList());
	}

	@GetMapping("/crm/v2/tenant/{tenant}/customers/{id}/contacts")
	PagedResponse<ContactResponse> contacts(@PathVariable long tenant, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer pageSize,
			@RequestParam(required = false) @Nullable Boolean includeTotal) {

		var data = catalog.tenant(tenant);
		data.customer(id).orElseThrow(() -> ApiException.notFound("Customer with id %d".formatted(id)));
		return paged(new ListArguments(page, pageSize, includeTotal, "Any", null, null, null, null), data.contactsOf(id),
				ContactResponse::of);
	}

	/**
	 * {@code Customers_GetModifiedContactsList}: contacts of every customer, with their customer's id, by
	 * modified or created date range or by customer ids; ServiceTitan refuses the list without
	 * {@code customerIds}, {@code modifiedOnOrAfter} or {@code modifiedBefore}.
	 */
	@GetMapping("/crm/v2/tenant/{tenant}/customers/contacts")
	PagedResponse<ModifiedContactResponse> modifiedContacts(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable String customerIds) {

		var wanted = ids("customerIds", customerIds);
		if (wanted == null && arguments.modifiedOnOrAfter() == null && arguments.modifiedBefore() == null) {
			throw ApiException.badRequest("modifiedOnOrAfter",
					"Either CustomerIds, modifiedBefore or modifiedOnOrAfter parameter must be specified.");
		}
		return paged(arguments.withoutActive(), catalog.tenant(tenant).contacts().stream()
			.filter(contact -> wanted == null || wanted.contains(contact.customerId()))
			.toList(), ModifiedContactResponse::of);
	}

	@GetMapping("/crm/v2/tenant/{tenant}/locations")
	PagedResponse<Location> locations(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable String ids) {

		var wanted = ids("ids", ids);
		var data = catalog.tenant(tenant);
		return paged(arguments, (customerId == null ? data.locations() : data.locationsOf(customerId)).stream()
			.filter(location -> wanted == null || wanted.contains(location.id()))
			.toList());
	}

	@GetMapping("/crm/v2/tenant/{tenant}/leads")
	PagedResponse<Lead> leads(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable String ids, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean withoutCustomer,
			@RequestParam(required = false) @Nullable String leadCustomerName,
			@RequestParam(required = false) @Nullable String leadPhone) {

		var wanted = ids("ids", ids);
		var errors = new QueryErrors();
		var wantedStatus = errors.parse("status", status,
				value -> LEAD_STATUSES.stream().filter(known -> known.equalsIgnoreCase(value.strip())).findFirst());
		var query = arguments.withoutActive().validate(settings, errors);
		return PagedResponse.of(query, query.select(catalog.tenant(tenant).office().leads().stream()
			.filter(lead -> wanted == null || wanted.contains(lead.id()))
			.filter(lead -> customerId == null || customerId.equals(lead.customerId()))
			.filter(lead -> wantedStatus == null || wantedStatus.equals(lead.status()))
			.filter(lead -> withoutCustomer == null || withoutCustomer == (lead.customerId() == null))
			.filter(lead -> contains(lead.leadCustomerName(), leadCustomerName))
			.filter(lead -> contains(lead.leadPhone(), leadPhone))
			.toList()), lead -> lead);
	}

	@GetMapping("/crm/v2/tenant/{tenant}/bookings")
	PagedResponse<Booking> bookings(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable String ids, @RequestParam(required = false) @Nullable String externalId) {

		var wanted = ids("ids", ids);
		return paged(arguments.withoutActive(), catalog.tenant(tenant).office().bookings().stream()
			.filter(booking -> wanted == null || wanted.contains(booking.id()))
			.filter(booking -> externalId == null || externalId.isBlank() || externalId.equals(booking.externalId()))
			.toList());
	}

	@GetMapping("/jpm/v2/tenant/{tenant}/job-cancel-reasons")
	PagedResponse<JobReason> cancelReasons(@PathVariable long tenant, ListArguments arguments) {
		return paged(arguments.withDefaultActive("Any"), catalog.tenant(tenant).office().cancelReasons());
	}

	@GetMapping("/jpm/v2/tenant/{tenant}/job-hold-reasons")
	PagedResponse<JobReason> holdReasons(@PathVariable long tenant, ListArguments arguments) {
		return paged(arguments.withDefaultActive("Any"), catalog.tenant(tenant).office().holdReasons());
	}

	@GetMapping("/jpm/v2/tenant/{tenant}/jobs")
	PagedResponse<Job> jobs(@PathVariable long tenant, ListArguments arguments) {
		return paged(arguments.withoutActive(), catalog.tenant(tenant).jobs());
	}

	@GetMapping("/jpm/v2/tenant/{tenant}/appointments")
	PagedResponse<Appointment> appointments(@PathVariable long tenant, ListArguments arguments) {
		return paged(arguments, catalog.tenant(tenant).appointments());
	}

	@GetMapping("/sales/v2/tenant/{tenant}/estimates")
	PagedResponse<Estimate> estimates(@PathVariable long tenant, ListArguments arguments) {
		return paged(arguments, catalog.tenant(tenant).estimates());
	}

	private <T extends CrmRecord> PagedResponse<T> paged(ListArguments arguments, List<T> records) {
		return paged(arguments, records, record -> record);
	}

	private <T extends CrmRecord, R> PagedResponse<R> paged(ListArguments arguments, List<T> records, Function<T, R> view) {

		var query = arguments.validate(settings);
		return PagedResponse.of(query, query.select(records), view);
	}

	private static boolean contains(@Nullable String value, @Nullable String part) {
		return part == null || part.isBlank()
				|| value != null && value.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
	}

	private static @Nullable Set<Long> ids(String field, @Nullable String ids) {
		return IdList.parse(field, ids);
	}
}
