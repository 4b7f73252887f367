package io.lazi.stsimulator.crm.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.crm.TenantCrm;

/**
 * The CRM data of the scenario tenant {@value #TENANT_ID} (also the pricebook isolation tenant): one
 * customer per pipeline case, each with a phone and an email and one job created {@code now − 2 days}
 * unless stated otherwise. Customer {@code 90000000 + k}, job {@code 91000000 + k}, appointment
 * {@code 92000000 + k}, estimate {@code 93000000 + k}. Expected final stage after a full sync:
 * <ol>
 * <li>Sales / Contacted — Pool - Sales job, nothing else.</li>
 * <li>Sales / Appointment Scheduled — Pool - Service job with an appointment, no estimate.</li>
 * <li>Sales / Proposal Sent — Electrical - Sales job, appointment, Open estimate {@code {0,"Open"}}.</li>
 * <li>Sales / Job Sold (won) — Pool - Sales job, appointment, Sold estimate {@code {1,"Sold"}} with {@code soldOn}.</li>
 * <li>Sales / Estimate Lost (lost) — Electrical - Service job, Dismissed estimate {@code {2,"Dismissed"}}.</li>
 * <li>Install / Scheduled / Ready for Install — Pool - Install job, {@code jobStatus Scheduled}.</li>
 * <li>Install / In Progress / On Site — Electrical - Install job, {@code jobStatus Working} (DESIGN §6's name).</li>
 * <li>Install / In Progress / On Site — Pool - Install job, {@code jobStatus InProgress} (ServiceTitan's name
 * for the same state: the rules should map both {@code Working} and {@code InProgress} to In Progress / On Site).</li>
 * <li>Install / On Hold / Return Visit Needed — Electrical - Install job, {@code jobStatus Hold}.</li>
 * <li>Install / Job Completed — Pool - Install job, {@code jobStatus Completed} with {@code completedOn}.</li>
 * <li>Install / Estimate Approved / Job Created — Electrical - Install job, {@code jobStatus Dispatched}.</li>
 * <li>Sales / Job Sold (protected) — Pool - Service job with a Sold estimate and a later-modified second Open
 * estimate of positive value: never moves back to Proposal Sent.</li>
 * <li>No opportunity — a Pool - Service job created {@code now − 40 days}, Completed.</li>
 * </ol>
 */
public final class CrmScenarioTenant {

	/** The tenant id. */
	public static final long TENANT_ID = 1000000002L;

	private CrmScenarioTenant() {
	}

	/**
	 * @param now the instant the data is relative to
	 * @return the tenant's data; equal for equal instants
	 */
	public static TenantCrm generate(Instant now) {

		var units = CrmSeed.businessUnits(now);
		var data = new Builder(now);
		data.job(1, CrmSeed.POOL_SALES, "Scheduled", 2);
		data.appointment(data.job(2, CrmSeed.POOL_SERVICE, "Scheduled", 2));
		data.estimate(data.appointment(data.job(3, CrmSeed.ELECTRICAL_SALES, "Scheduled", 2)), 93_000_003L, "Open", 4200);
		data.estimate(data.appointment(data.job(4, CrmSeed.POOL_SALES, "Scheduled", 2)), 93_000_004L, "Sold", 18500);
		data.estimate(data.job(5, CrmSeed.ELECTRICAL_SERVICE, "Scheduled", 2), 93_000_005L, "Dismissed", 2600);
		data.job(6, CrmSeed.POOL_INSTALL, "Scheduled", 2);
		data.job(7, CrmSeed.ELECTRICAL_INSTALL, "Working", 2);
		data.job(8, CrmSeed.POOL_INSTALL, "InProgress", 2);
		data.job(9, CrmSeed.ELECTRICAL_INSTALL, "Hold", 2);
		data.job(10, CrmSeed.POOL_INSTALL, "Completed", 2);
		data.job(11, CrmSeed.ELECTRICAL_INSTALL, "Dispatched", 2);
		var sold = data.estimate(data.job(12, CrmSeed.POOL_SERVICE, "Scheduled", 2), 93_000_012L, "Sold", 9900);
		data.estimate(sold, 93_000_112L, "Open", 1200);
		data.job(13, CrmSeed.POOL_SERVICE, "Completed", 40);
		return new TenantCrm(units, data.customers, data.contacts, data.locations, data.jobs.values().stream().toList(),
				data.appointments, data.estimates);
	}

	/** Accumulates the records; each step leaves the job's latest version in {@code jobs}. */
	private static final class Builder {

		private final Instant now;

		private final List<Customer> customers = new ArrayList<>();

		private final List<Contact> contacts = new ArrayList<>();

		private final List<Location> locations = new ArrayList<>();

		private final Map<Long, Job> jobs = new LinkedHashMap<>();

		private final List<Appointment> appointments = new ArrayList<>();

		private final List<Estimate> estimates = new ArrayList<>();

		private int estimateCount;

		Builder(Instant now) {
			this.now = now;
		}

		Job job(int k, long unit, String status, int daysAgo) {

			var customerId = 90_000_000L + k;
			var customerCreated = now.minus(Duration.ofDays(100 + k));
			var customer = CrmSeed.customer(customerId, 500 + k, customerCreated, customerCreated.plus(Duration.ofHours(1)));
			customers.add(customer);
			locations.add(Location.home(95_000_000L + k, customer));
			contacts.add(Contact.phone(94_000_000L + 2L * k, customerId, CrmSeed.phone(500 + k), customerCreated));
			contacts.add(Contact.email(94_000_001L + 2L * k, customerId, CrmSeed.email(500 + k), customerCreated));
			var created = now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(10L * k));
			var job = Job.of(91_000_000L + k, customerId, 95_000_000L + k, unit, status, created,
					created.plus(Duration.ofHours(1)), "Scenario case " + k);
			jobs.put(job.id(), job);
			return job;
		}

		Job appointment(Job job) {

			var created = job.createdOn().plus(Duration.ofHours(2));
			var appointment = Appointment.scheduled(92_000_000L + job.id() % 1000, job, created.plus(Duration.ofDays(1)), created);
			appointments.add(appointment);
			var updated = job.withAppointment(appointment.id(), created);
			jobs.put(updated.id(), updated);
			return updated;
		}

		Job estimate(Job job, long id, String status, long subtotal) {

			estimateCount++;
			var created = job.createdOn().plus(Duration.ofHours(3 + 2L * estimateCount));
			var unit = CrmSeed.unit(CrmSeed.businessUnits(now), job.businessUnitId());
			var estimate = Estimate.open(id, job, unit, unit.name() + " proposal", BigDecimal.valueOf(subtotal).setScale(2), created);
			var decided = created.plus(Duration.ofHours(1));
			estimates.add(switch (status) {
				case "Sold" -> estimate.sold(7001L, decided);
				case "Dismissed" -> estimate.dismissed(decided);
				default -> estimate;
			});
			var updated = job.withEstimate(id, created);
			jobs.put(updated.id(), updated);
			return updated;
		}
	}
}
