package io.lazi.stsimulator.crm.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.crm.TenantCrm;

/**
 * The CRM data of the reference tenant {@value #TENANT_ID}, shaped so that any correct
 * implementation of the pipeline rules (DESIGN §6) reproduces the published reference run exactly:
 * 450 contacts; 91 opportunities — Install 16, Sales / Contacted 37, Sales / Proposal Sent 38.
 *
 * <p>Customers {@code 70000001..70000450} (sequence number {@code n} = id − 70000000), all active, each
 * with an address, a {@code Phone} contact and, unless {@code n} is a multiple of 10, an {@code Email}
 * contact. Every date is relative to the seed instant {@code now}:
 * <ul>
 * <li>{@code n} 1..16: one job created {@code now − 1..13 days} (job id 80000000 + n) in an Install
 * business unit (5003 for odd {@code n}, 5006 for even), {@code jobStatus Dispatched} (no Install status
 * rule applies, so it stays at Estimate Approved / Job Created), no appointment, no estimate.</li>
 * <li>{@code n} 17..54 (38): one recent job in a Sales or Service unit (5001, 5002, 5004, 5005 in turn)
 * with one appointment (id 82000000 + n, created 2 hours after the job) and one Open estimate (id
 * 83000000 + n, created 4 hours after the job, subtotal {@code 1500 + 125 n}, tax 8 %): Proposal Sent
 * wins over Appointment Scheduled.</li>
 * <li>{@code n} 55..91 (37): one recent job in a Sales or Service unit, nothing else: they stay Contacted.</li>
 * <li>{@code n} 92..450 (359): no recent job; those with {@code n} not a multiple of 3 have one
 * {@code Completed} Service job created {@code now − 30..329 days} (id 81000000 + n) without appointments
 * or estimates, the rest have no job at all.</li>
 * </ul>
 * Beside them the tenant has the office records of {@link CrmReferenceOffice}: job cancel and hold reasons, leads
 * and bookings, which change none of the records above.
 */
public final class CrmReferenceTenant {

	/** The tenant id. */
	public static final long TENANT_ID = 3222348440L;

	/** Customers of the tenant. */
	public static final int CUSTOMERS = 450;

	/** Last sequence number of the Install segment. */
	static final int LAST_INSTALL = 16;

	/** Last sequence number of the Proposal Sent segment. */
	static final int LAST_PROPOSAL = 54;

	/** Last sequence number of the Contacted segment: customers after it have no recent job. */
	static final int LAST_CONTACTED = 91;

	private static final long[] SALES_UNITS = { CrmSeed.POOL_SALES, CrmSeed.POOL_SERVICE, CrmSeed.ELECTRICAL_SALES,
			CrmSeed.ELECTRICAL_SERVICE };

	private CrmReferenceTenant() {
	}

	/**
	 * @param now the instant the data is relative to
	 * @return the tenant's data; equal for equal instants
	 */
	public static TenantCrm generate(Instant now) {

		var units = CrmSeed.businessUnits(now);
		var customers = new ArrayList<Customer>();
		var contacts = new ArrayList<Contact>();
		var locations = new ArrayList<Location>();
		var jobs = new ArrayList<Job>();
		var appointments = new ArrayList<Appointment>();
		var estimates = new ArrayList<Estimate>();
		for (var n = 1; n <= CUSTOMERS; n++) {
			var customerId = 70_000_000L + n;
			var createdOn = now.minus(Duration.ofDays(60 + n % 500)).minus(Duration.ofMinutes(n));
			var modifiedOn = createdOn.plus(Duration.ofDays(1));
			var customer = CrmSeed.customer(customerId, n, createdOn, modifiedOn);
			customers.add(customer);
			locations.add(Location.home(71_000_000L + n, customer));
			contacts.add(Contact.phone(72_000_000L + 2L * n, customerId, CrmSeed.phone(n), createdOn));
			if (n % 10 != 0) {
				contacts.add(Contact.email(72_000_001L + 2L * n, customerId, CrmSeed.email(n), createdOn));
			}
			if (n <= LAST_CONTACTED) {
				addRecentJob(n, customerId, now, units, jobs, appointments, estimates);
			}
			else if (n % 3 != 0) {
				var jobCreated = now.minus(Duration.ofDays(30 + n % 300)).minus(Duration.ofMinutes(n));
				jobs.add(Job.of(81_000_000L + n, customerId, 71_000_000L + n, CrmSeed.POOL_SERVICE, "Completed",
						jobCreated, jobCreated.plus(Duration.ofDays(2)), "Seasonal pool service"));
			}
		}
		return new TenantCrm(units, customers, contacts, locations, jobs, appointments, estimates,
				CrmReferenceOffice.generate(now, customers, jobs));
	}

	private static void addRecentJob(int n, long customerId, Instant now, List<BusinessUnit> units, List<Job> jobs,
			List<Appointment> appointments, List<Estimate> estimates) {

		var created = now.minus(Duration.ofDays(1 + n % 13)).minus(Duration.ofMinutes((37L * n) % 600));
		var jobId = 80_000_000L + n;
		var locationId = 71_000_000L + n;
		if (n <= LAST_INSTALL) {
			var unit = n % 2 == 1 ? CrmSeed.POOL_INSTALL : CrmSeed.ELECTRICAL_INSTALL;
			jobs.add(Job.of(jobId, customerId, locationId, unit, "Dispatched", created, created.plus(Duration.ofHours(1)),
					"Installation"));
			return;
		}
		var unitId = SALES_UNITS[n % SALES_UNITS.length];
		var job = Job.of(jobId, customerId, locationId, unitId, "Scheduled", created, created.plus(Duration.ofHours(1)),
				"Sales visit");
		if (n <= LAST_PROPOSAL) {
			var appointment = Appointment.scheduled(82_000_000L + n, job, created.plus(Duration.ofDays(2)),
					created.plus(Duration.ofHours(2)));
			job = job.withAppointment(appointment.id(), appointment.createdOn());
			var unit = CrmSeed.unit(units, unitId);
			var estimate = Estimate.open(83_000_000L + n, job, unit, proposalName(unit),
					BigDecimal.valueOf(1500L + 125L * n).setScale(2), created.plus(Duration.ofHours(4)));
			job = job.withEstimate(estimate.id(), estimate.createdOn());
			appointments.add(appointment);
			estimates.add(estimate);
		}
		jobs.add(job);
	}

	private static String proposalName(BusinessUnit unit) {
		return unit.name().startsWith("Pool") ? "Pool equipment upgrade" : "Electrical panel upgrade";
	}
}
