package io.lazi.stingest.crm;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StLocation;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.sync.Feed;
import io.lazi.stingest.sync.Feeds;
import io.lazi.stingest.sync.PullResult;
import io.lazi.stingest.sync.PullRun;
import io.lazi.stingest.sync.ResourcePull;
import io.lazi.stingest.sync.SyncResource;

/**
 * The pull of resource {@code crm} ({@code /api/sync/crm}): business units, customers, their locations,
 * jobs, appointments and estimates, in that order, each list with its own cursor. Customers get their
 * contacts attached from {@code /customers/{id}/contacts}; a contact changed without its customer
 * changing is picked up by the next full run.
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

	private final ServiceTitanClient client;

	private final Feeds feeds;

	/** Units before customers before their locations before jobs before appointments before estimates. */
	private final List<Feed<?>> inOrder;

	private final SyncResource resource;

	CrmPull(ServiceTitanClient client, Feeds feeds, CrmProperties properties, CrmScheduleProperties schedule) {
		this.client = client;
		this.feeds = feeds;
		this.inOrder = List.of(BUSINESS_UNITS, CUSTOMERS.expandedBy(this::withContacts), LOCATIONS, JOBS, APPOINTMENTS,
				ESTIMATES);
		this.resource = new SyncResource("crm", "crm", "CRM", CUSTOMERS.cursor(), properties.incrementalOverlap(),
				schedule, null);
	}

	@Override
	public SyncResource resource() {
		return resource;
	}

	@Override
	public PullResult pull(PullRun run) {
		return feeds.pull(run, inOrder);
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
