package io.lazi.stsimulator.crm.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lazi.stsimulator.crm.Booking;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.JobReason;
import io.lazi.stsimulator.crm.Lead;
import io.lazi.stsimulator.crm.Office;

/**
 * The office records of the reference tenant, relative to the seed instant {@code now}. They only point at
 * customers and jobs that exist already and change none of them, so the tenant's CRM figures stay as
 * {@link CrmReferenceTenant} documents them.
 * <ul>
 * <li>Cancel reasons {@code 84000001..84000004}: Customer canceled, Scheduled with another company, Duplicate job,
 * Price too high (inactive). Hold reasons {@code 84000101..84000104}: Waiting on parts, Waiting on permit, Customer
 * requested delay, Weather. All created a year before {@code now}.</li>
 * <li>{@value #LEADS} leads {@code 85000001..}: 12 Open without a customer (callers not yet on file, alternately
 * for Pool - Sales and Electrical - Sales, with a follow-up date ahead), 5 Converted for customers 55..59 of the
 * tenant (whose recent job they became) and 3 Dismissed without a customer; lead {@code k} created
 * {@code now − k days}.</li>
 * <li>{@value #BOOKINGS} bookings {@code 86000001..}: 6 New from the web scheduler (start {@code now + k days}),
 * 3 Converted into the recent jobs of customers 60..62 and 1 Dismissed.</li>
 * </ul>
 */
final class CrmReferenceOffice {

	/** Leads of the tenant. */
	static final int LEADS = 20;

	/** Bookings of the tenant. */
	static final int BOOKINGS = 10;

	private static final String[] NAMES = { "Blake Whitmore", "Sydney Navarro", "Cameron Holt", "Devon Pierce",
			"Jamie Castillo", "Peyton Rhodes", "Alexis Monroe", "Drew Caldwell", "Skyler Vance", "Micah Lowell",
			"Tatum Greer", "Rory Beckett", "Shawn Ibarra", "Kerry Lindqvist" };

	private static final String[] CITIES = { "Phoenix", "Mesa", "Tempe", "Scottsdale", "Chandler", "Gilbert" };

	private CrmReferenceOffice() {
	}

	/**
	 * @param now the seed instant
	 * @param customers the tenant's customers, by sequence number − 1
	 * @param jobs the tenant's jobs, to find the recent job of a customer
	 */
	static Office generate(Instant now, List<Customer> customers, List<Job> jobs) {

		var setUp = now.minus(Duration.ofDays(365));
		var cancelReasons = List.of(reason(84_000_001L, "Customer canceled", true, setUp, now),
				reason(84_000_002L, "Scheduled with another company", true, setUp, now),
				reason(84_000_003L, "Duplicate job", true, setUp, now),
				reason(84_000_004L, "Price too high", false, setUp, now));
		var holdReasons = List.of(reason(84_000_101L, "Waiting on parts", true, setUp, now),
				reason(84_000_102L, "Waiting on permit", true, setUp, now),
				reason(84_000_103L, "Customer requested delay", true, setUp, now),
				reason(84_000_104L, "Weather", true, setUp, now));
		return new Office(leads(now, customers, jobs), bookings(now, customers, jobs), cancelReasons, holdReasons, List.of(),
				List.of());
	}

	private static JobReason reason(long id, String name, boolean active, Instant created, Instant now) {
		return new JobReason(id, name, active, created, active ? created : now.minus(Duration.ofDays(30)));
	}

	private static List<Lead> leads(Instant now, List<Customer> customers, List<Job> jobs) {

		var leads = new ArrayList<Lead>();
		for (var k = 1; k <= LEADS; k++) {
			var created = now.minus(Duration.ofDays(k)).minus(Duration.ofMinutes(17L * k));
			var modified = created.plus(Duration.ofHours(1));
			var pool = k % 2 == 1;
			var unit = pool ? CrmSeed.POOL_SALES : CrmSeed.ELECTRICAL_SALES;
			var summary = pool ? "Asked for a quote on a variable-speed pool pump" : "Wants an EV charger installed";
			if (k <= 12 || k > 17) {
				var name = NAMES[(k - 1) % NAMES.length];
				var city = CITIES[k % CITIES.length];
				var dismissed = k > 17;
				leads.add(new Lead(85_000_000L + k, dismissed ? "Dismissed" : "Open", k % 4 == 0 ? "High" : "Normal", null,
						null, unit, null, 9101L, dismissed ? null : now.plus(Duration.ofDays(1 + k % 5)), 1L, created,
						dismissed ? modified.plus(Duration.ofDays(1)) : modified, List.of(), dismissed ? 8701L : null, summary,
						null, null, null, null, null, name, "602555%04d".formatted(100 + k),
						"lead%d@example.com".formatted(k), (200 + 11 * k) + " Saguaro Dr", null, city, "AZ",
						Integer.toString(85100 + k), "USA", k % 3 == 0 ? "Phone" : "Web form"));
				continue;
			}
			var customer = customers.get(55 + (k - 13) - 1);
			var job = recentJobOf(customer, jobs);
			leads.add(new Lead(85_000_000L + k, "Converted", "Normal", customer.id(), job.locationId(), job.businessUnitId(),
					job.jobTypeId(), 9101L, null, 1L, job.createdOn().minus(Duration.ofHours(3)), job.createdOn(), List.of(),
					null, summary, null, null, null, null, null, customer.name(), null, null, null, null, null, null, null,
					null, "Phone"));
		}
		return leads;
	}

	private static List<Booking> bookings(Instant now, List<Customer> customers, List<Job> jobs) {

		var bookings = new ArrayList<Booking>();
		for (var k = 1; k <= BOOKINGS; k++) {
			var id = 86_000_000L + k;
			var externalId = "sp-%05d".formatted(4000 + k);
			if (k <= 6 || k == 10) {
				var created = now.minus(Duration.ofHours(5L * k));
				var name = NAMES[NAMES.length - k];
				var address = new Booking.Address((300 + 7 * k) + " Ocotillo Rd", null, CITIES[k % CITIES.length], "AZ",
						Integer.toString(85200 + k), "USA");
				var dismissed = k == 10;
				bookings.add(new Booking(id, "Scheduling Pro", created, name, address, "Residential",
						now.plus(Duration.ofDays(k)).plus(Duration.ofHours(2)), 9101L,
						k % 2 == 1 ? CrmSeed.POOL_SERVICE : CrmSeed.ELECTRICAL_SERVICE, true, List.of(), true,
						dismissed ? "Dismissed" : "New", dismissed ? 8702L : null, null, externalId, "Normal", null, 8801L,
						dismissed ? created.plus(Duration.ofHours(1)) : created,
						k % 2 == 1 ? "Pool is green, filter pressure high" : "Breaker keeps tripping in the kitchen"));
				continue;
			}
			var customer = customers.get(60 + (k - 7) - 1);
			var job = recentJobOf(customer, jobs);
			var created = job.createdOn().minus(Duration.ofHours(2));
			bookings.add(new Booking(id, "Scheduling Pro", created, customer.name(), Booking.Address.of(customer.address()),
					customer.type(),
					job.createdOn().plus(Duration.ofDays(2)), 9101L, job.businessUnitId(), false, List.of(), true,
					"Converted", null, job.id(), externalId, job.priority(), job.jobTypeId(), 8801L, job.createdOn(),
					job.summary()));
		}
		return bookings;
	}

	private static Job recentJobOf(Customer customer, List<Job> jobs) {
		return jobs.stream().filter(job -> job.customerId() == customer.id()).findFirst().orElseThrow();
	}
}
