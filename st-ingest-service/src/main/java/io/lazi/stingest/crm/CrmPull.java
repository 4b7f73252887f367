package io.lazi.stingest.crm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBooking;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StJobHistory;
import io.lazi.platform.events.StLead;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.SyncType;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.sync.Feed;
import io.lazi.stingest.sync.Feeds;
import io.lazi.stingest.sync.PullResult;
import io.lazi.stingest.sync.PullRun;
import io.lazi.stingest.sync.ResourcePull;
import io.lazi.stingest.sync.SyncCursor;
import io.lazi.stingest.sync.SyncResource;

/**
 * The pull of resource {@code crm} ({@code /api/sync/crm}): business units, customers, their locations,
 * jobs, appointments, estimates, leads and bookings, in that order, each list with its own cursor. Customers get
 * their contacts attached from {@code /customers/{id}/contacts}; every job published is followed by its history
 * ({@code GET /jpm/v2/tenant/{tenant}/jobs/{id}/history}, one call per job) as {@code JOB_HISTORY_FETCHED} on the
 * job's key, in the same transaction (none for a job gone since it was listed). Leads and bookings have no
 * {@code active} filter. An incremental run also reads ServiceTitan's modified-contacts feed
 * ({@code /customers/contacts?modifiedOnOrAfter}, cursor {@value #CONTACTS}) right after the customers, and
 * publishes again, with all their contacts, the customers whose contacts changed although they did not: a contact
 * edited on its own arrives with the next incremental run.
 */
@Component
class CrmPull implements ResourcePull {

	private static final Feed<StBusinessUnit> BUSINESS_UNITS = Feed.of("crm.business-units",
			"/settings/v2/tenant/{tenant}/business-units", true, Events.BUSINESS_UNIT_FETCHED, new ParameterizedTypeReference<>() {
			}, StBusinessUnit::id, StBusinessUnit::modifiedOn);

	private static final Feed<StCustomer> CUSTOMERS = Feed.of("crm.customers", "/crm/v2/tenant/{tenant}/customers", true,
			Events.CUSTOMER_FETCHED, new ParameterizedTypeReference<>() {
			}, StCustomer::id, StCustomer::modifiedOn);

	private static final Feed<StLocation> LOCATIONS = Feed.of("crm.locations", "/crm/v2/tenant/{tenant}/locations", true,
			Events.LOCATION_FETCHED, new ParameterizedTypeReference<>() {
			}, StLocation::id, StLocation::modifiedOn);

	private static final Feed<StJob> JOBS = Feed.of("crm.jobs", "/jpm/v2/tenant/{tenant}/jobs", false, Events.JOB_FETCHED, new ParameterizedTypeReference<>() {
			}, StJob::id, StJob::modifiedOn);

	private static final Feed<StAppointment> APPOINTMENTS = Feed.of("crm.appointments", "/jpm/v2/tenant/{tenant}/appointments",
			true, Events.APPOINTMENT_FETCHED, new ParameterizedTypeReference<>() {
			}, StAppointment::id, StAppointment::modifiedOn);

	private static final Feed<StEstimate> ESTIMATES = Feed.of("crm.estimates", "/sales/v2/tenant/{tenant}/estimates", true,
			Events.ESTIMATE_FETCHED, new ParameterizedTypeReference<>() {
			}, StEstimate::id, StEstimate::modifiedOn);

	private static final Feed<StLead> LEADS = Feed.of("crm.leads", "/crm/v2/tenant/{tenant}/leads", false,
			Events.LEAD_FETCHED, new ParameterizedTypeReference<>() {
			}, StLead::id, StLead::modifiedOn);

	private static final Feed<StBooking> BOOKINGS = Feed.of("crm.bookings", "/crm/v2/tenant/{tenant}/bookings", false,
			Events.BOOKING_FETCHED, new ParameterizedTypeReference<>() {
			}, StBooking::id, StBooking::modifiedOn);

	/** Cursor of the modified-contacts feed. */
	static final String CONTACTS = "crm.contacts";

	private final ServiceTitanClient client;

	private final Feeds feeds;

	/**
	 * Locations, jobs (each followed by its history), appointments, estimates, leads and bookings, in that order,
	 * after units and customers.
	 */
	private final List<Feed<?>> afterCustomers;

	private final SyncResource resource;

	CrmPull(ServiceTitanClient client, Feeds feeds, CrmProperties properties, CrmScheduleProperties schedule) {
		this.client = client;
		this.feeds = feeds;
		var jobs = JOBS.followedBy(new Feed.Companion<StJob, StJobHistory>(Events.JOB_HISTORY_FETCHED, StJobHistory::jobId,
				(run, job) -> client.jobHistory(run.tenant().id(), job.id(), run.counts())));
		this.afterCustomers = List.of(LOCATIONS, jobs, APPOINTMENTS, ESTIMATES, LEADS, BOOKINGS);
		this.resource = new SyncResource("crm", "crm", "CRM", CUSTOMERS.cursor(), properties.incrementalOverlap(),
				schedule, null);
	}

	@Override
	public SyncResource resource() {
		return resource;
	}

	@Override
	public PullResult pull(PullRun run) {

		var published = ConcurrentHashMap.<Long>newKeySet();
		var customers = CUSTOMERS.expandedBy((pulling, page) -> {
			var expanded = withContacts(pulling, page);
			expanded.forEach(customer -> published.add(customer.id()));
			return expanded;
		});
		return feeds.pull(run, List.of(BUSINESS_UNITS, customers))
			.plus(contactChanges(run, published))
			.plus(feeds.pull(run, afterCustomers));
	}

	/**
	 * On an incremental run: the customers whose contacts changed since the contacts cursor (the customers
	 * cursor before the first such run) and that this run has not published yet, published again with
	 * their contacts. A full run lists every customer with its contacts already.
	 */
	private PullResult contactChanges(PullRun run, Set<Long> published) {

		if (run.run().syncType() == SyncType.FULL) {
			return PullResult.records(0, Map.of());
		}
		var cursor = run.cursor(CONTACTS);
		var from = run.modifiedOnOrAfter(cursor.newestModifiedOn() == null ? run.cursor(CUSTOMERS.cursor()) : cursor);
		if (from == null) {
			// Never pulled: the customers feed listed every customer with its contacts in this run.
			return PullResult.records(0, Map.of());
		}
		var tenant = run.tenant().id();
		var changed = new LinkedHashSet<Long>();
		var newest = SyncCursor.empty();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var contacts = client.modifiedContacts(tenant, from, page, run.counts());
			for (var contact : contacts.data()) {
				newest = newest.advancedTo(contact.modifiedOn());
				if (!published.contains(contact.customerId())) {
					changed.add(contact.customerId());
				}
			}
			hasMore = contacts.hasMore() && !contacts.data().isEmpty();
		}
		var ids = List.copyOf(changed);
		var republished = 0;
		for (var start = 0; start < ids.size(); start += ServiceTitanClient.MAX_IDS) {
			var batch = ids.subList(start, Math.min(start + ServiceTitanClient.MAX_IDS, ids.size()));
			republished += feeds.publish(run, CUSTOMERS, withContacts(run, client.customers(tenant, batch, run.counts()).data()));
		}
		return PullResult.records(republished,
				newest.newestModifiedOn() == null ? Map.of() : Map.of(CONTACTS, newest.newestModifiedOn()));
	}

	private List<StCustomer> withContacts(PullRun run, List<StCustomer> customers) {
		return customers.stream().map(customer -> withContacts(run, customer)).toList();
	}

	private StCustomer withContacts(PullRun run, StCustomer customer) {

		var contacts = new ArrayList<StContact>();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var result = client.contacts(run.tenant().id(), customer.id(), page, run.counts());
			contacts.addAll(result.data());
			hasMore = result.hasMore() && !result.data().isEmpty();
		}
		return new StCustomer(customer.id(), customer.active(), customer.name(), customer.type(), customer.address(),
				List.copyOf(contacts), customer.mergedToId(), customer.createdOn(), customer.modifiedOn());
	}
}
