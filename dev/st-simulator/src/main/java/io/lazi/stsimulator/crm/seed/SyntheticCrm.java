package io.lazi.stsimulator.crm.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.crm.TenantCrm;

/**
 * A synthetic CRM tenant of any size for load and fault runs, spread over every case of the pipeline rules
 * (DESIGN §6): customers without jobs, with only old jobs, with a recent job in an unmapped business unit, and
 * recent Sales or Service jobs that reach Contacted, Appointment Scheduled (a canceled appointment does not
 * count), Proposal Sent (an estimate without value does not count), Job Sold, Estimate Lost, Job Sold kept
 * against a later open estimate; Install jobs (recent or old) in every job status, alone or after a sale.
 * Each customer has a home location, a phone and an email contact, and every seventh a mobile phone too.
 *
 * <p>Ids by sequence number {@code n} (1..N): customer {@code 40000000 + n}, location {@code 41000000 + n},
 * contacts {@code 42000000 + 3n + k}, jobs, appointments and estimates {@code 43000000}, {@code 44000000},
 * {@code 45000000 + 4n + k}. "Recent" is 1 to 12 days before {@code now}, "old" 20 to 300 days, so the 14-day
 * window of rule 1 is clear either way; nothing is dated after {@code now}. The same size, seed and instant
 * give the same tenant.
 */
public final class SyntheticCrm {

	/** Largest tenant. */
	public static final int MAX_CUSTOMERS = 100_000;

	/** A business unit no pipeline pattern maps: its jobs never make an opportunity. */
	static final long POOL_WARRANTY = 5007L;

	static final long[] SALES_UNITS = { CrmSeed.POOL_SALES, CrmSeed.POOL_SERVICE, CrmSeed.ELECTRICAL_SALES,
			CrmSeed.ELECTRICAL_SERVICE };

	static final long[] INSTALL_UNITS = { CrmSeed.POOL_INSTALL, CrmSeed.ELECTRICAL_INSTALL };

	/** ServiceTitan's job statuses (the simulator's admin edit accepts the same). */
	static final List<String> JOB_STATUSES = List.of("Scheduled", "Dispatched", "InProgress", "Working", "Hold",
			"Completed", "Canceled");

	private SyntheticCrm() {
	}

	/**
	 * @param customers how many customers, 1..{@value #MAX_CUSTOMERS}
	 * @param seed the seed of the random spread
	 * @param now the instant the dates are relative to
	 * @throws IllegalArgumentException when {@code customers} is out of range
	 */
	public static TenantCrm generate(int customers, long seed, Instant now) {

		if (customers < 1 || customers > MAX_CUSTOMERS) {
			throw new IllegalArgumentException("A synthetic CRM tenant has 1.." + MAX_CUSTOMERS + " customers");
		}
		var units = new ArrayList<>(CrmSeed.businessUnits(now));
		var created = now.minus(Duration.ofDays(365));
		units.add(new BusinessUnit(POOL_WARRANTY, true, "Pool - Warranty", "Pool - Warranty LLC", "USD", created, created));
		var draft = new CrmDraft(new TenantCrm(units, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
		var random = new Random(seed);
		for (var n = 1; n <= customers; n++) {
			new OneCustomer(draft, random, now, n).generate();
		}
		return draft.toTenant();
	}

	/** An estimate's subtotal: $500 to $20,500 in whole dollars. */
	static BigDecimal subtotal(Random random) {
		return BigDecimal.valueOf(500L + random.nextInt(20_000)).setScale(2);
	}

	/** One customer's records. */
	private record OneCustomer(CrmDraft draft, Random random, Instant now, int n) {

		void generate() {

			var id = 40_000_000L + n;
			var since = now.minus(Duration.ofDays(60 + random.nextInt(600))).minus(Duration.ofMinutes(n % 1440));
			var customer = CrmSeed.customer(id, n, since, since.plus(Duration.ofDays(1)));
			draft.customers.put(id, customer);
			draft.locations.put(41_000_000L + n, Location.home(41_000_000L + n, customer));
			put(Contact.phone(42_000_000L + 3L * n, id, CrmSeed.phone(n), since));
			put(Contact.email(42_000_001L + 3L * n, id, CrmSeed.email(n), since));
			if (n % 7 == 0) {
				var mobile = "602555%04d".formatted(n % 10_000);
				put(new Contact(42_000_002L + 3L * n, id, "MobilePhone", mobile, null,
						new Contact.PhoneSettings(mobile, false), since, since));
			}
			var roll = random.nextInt(100);
			if (roll < 8) {
				return; // no job
			}
			if (roll < 18) {
				job(0, sales(), "Completed", old());
				return;
			}
			if (roll < 21) {
				job(0, POOL_WARRANTY, "Scheduled", recent());
				return;
			}
			if (roll < 79) {
				sales(roll);
				return;
			}
			var install = INSTALL_UNITS[random.nextInt(INSTALL_UNITS.length)];
			var status = JOB_STATUSES.get(random.nextInt(JOB_STATUSES.size()));
			if (roll < 94) {
				job(0, install, status, random.nextBoolean() ? recent() : old());
				return;
			}
			var sold = job(0, sales(), "Completed", recent().minus(Duration.ofDays(2)));
			estimate(1, sold, "Sold", subtotal(random));
			job(2, install, status, draft.jobs.get(sold.id()).createdOn().plus(Duration.ofDays(1)));
		}

		/** A recent Sales or Service job, with what takes it to each Sales stage. */
		private void sales(int roll) {

			var job = job(0, sales(), "Scheduled", recent());
			if (roll < 33) {
				return; // Contacted
			}
			if (roll < 42) {
				appointment(job, false); // Appointment Scheduled
				return;
			}
			if (roll < 45) {
				appointment(job, true); // Contacted: the canceled appointment does not count
				return;
			}
			if (roll < 58) {
				appointment(job, false);
				estimate(1, job, "Open", subtotal(random)); // Proposal Sent
				return;
			}
			if (roll < 61) {
				estimate(1, job, "Open", BigDecimal.ZERO.setScale(2)); // Contacted: no value
				return;
			}
			if (roll < 69) {
				estimate(1, job, "Sold", subtotal(random)); // Job Sold
				return;
			}
			if (roll < 76) {
				estimate(1, job, "Dismissed", subtotal(random)); // Estimate Lost
				return;
			}
			estimate(1, job, "Sold", subtotal(random));
			estimate(2, job, "Open", subtotal(random)); // Job Sold, protected
		}

		private Job job(int k, long unit, String status, Instant created) {

			var job = Job.of(43_000_000L + 4L * n + k, 40_000_000L + n, 41_000_000L + n, unit, status, created,
					created.plus(Duration.ofHours(1)), "Synthetic job " + n + "-" + k);
			draft.put(job);
			return job;
		}

		private void appointment(Job job, boolean canceled) {

			var created = job.createdOn().plus(Duration.ofHours(2));
			var appointment = Appointment.scheduled(44_000_000L + 4L * n, draft.jobs.get(job.id()),
					created.plus(Duration.ofDays(1)), created);
			draft.add(canceled ? appointment.canceled(created.plus(Duration.ofHours(1))) : appointment);
		}

		private void estimate(int k, Job job, String status, BigDecimal subtotal) {

			var created = job.createdOn().plus(Duration.ofHours(3L + k));
			var unit = CrmSeed.unit(List.copyOf(draft.businessUnits.values()), job.businessUnitId());
			var estimate = Estimate.open(45_000_000L + 4L * n + k, draft.jobs.get(job.id()), unit,
					unit.name() + " proposal " + n + "-" + k, subtotal, created);
			var decided = created.plus(Duration.ofHours(1));
			draft.add(switch (status) {
				case "Sold" -> estimate.sold(7001L, decided);
				case "Dismissed" -> estimate.dismissed(decided);
				default -> estimate;
			});
		}

		private void put(Contact contact) {
			draft.contacts.put(contact.id(), contact);
		}

		private long sales() {
			return SALES_UNITS[random.nextInt(SALES_UNITS.length)];
		}

		/** 1 to 12 days ago. */
		private Instant recent() {
			return now.minus(Duration.ofHours(24 + random.nextInt(11 * 24)));
		}

		/** 20 to 300 days ago. */
		private Instant old() {
			return now.minus(Duration.ofDays(20 + random.nextInt(280))).minus(Duration.ofMinutes(random.nextInt(1440)));
		}
	}
}
