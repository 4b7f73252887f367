package io.lazi.stsimulator.crm.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.crm.TenantCrm;

/**
 * Scripted ServiceTitan edits of a tenant's CRM, as its users would make them between two incremental syncs,
 * each stamping {@code modifiedOn} with the time of the edit so the next incremental pull sees it:
 * <ul>
 * <li>{@code job-status}: a job's status changes (mostly Install jobs, whose status is their stage);</li>
 * <li>{@code appointment}: an appointment is booked on a job;</li>
 * <li>{@code estimate}: an open estimate with a value is made for a job;</li>
 * <li>{@code sell}, {@code dismiss}: an open estimate is sold or dismissed;</li>
 * <li>{@code contact}: a phone number or email address changes on its own (its customer's {@code modifiedOn}
 * stays: only the modified-contacts feed shows it);</li>
 * <li>{@code customer}: a customer is renamed;</li>
 * <li>{@code new-customer}: a customer arrives with a home, a phone, an email and a job made today (a Sales or
 * Service job, one in four an Install job);</li>
 * <li>{@code install-job}: an Install job is made today for an existing customer.</li>
 * </ul>
 * Facts only ever gain in rank (no estimate is reopened or unsold, no appointment canceled), so where the pipeline
 * rules put an opportunity depends on the final records alone, not on the order they were seen in. The same seed on
 * the same data gives the same edits.
 */
public final class SyntheticCrmEdits {

	private SyntheticCrmEdits() {
	}

	/**
	 * Applies {@code count} edits to {@code data}, all made at {@code now}.
	 *
	 * @return the edited data, and how many edits of each kind were made
	 */
	public static Result apply(TenantCrm data, int count, long seed, Instant now) {

		var draft = new CrmDraft(data);
		var random = new Random(seed);
		var applied = new TreeMap<String, Integer>();
		var jobs = new ArrayList<>(draft.jobs.keySet());
		var installJobs = new ArrayList<>(draft.jobs.values().stream().filter(j -> isInstall(j.businessUnitId())).map(Job::id).toList());
		var open = new ArrayList<>(draft.estimates.values().stream().filter(e -> e.status().equals(Estimate.OPEN)).map(Estimate::id).toList());
		var contacts = new ArrayList<>(draft.contacts.keySet());
		var customers = new ArrayList<>(draft.customers.keySet());
		for (var n = 0; n < count; n++) {
			var at = now;
			var roll = random.nextInt(100);
			String kind;
			if (roll < 20 && !jobs.isEmpty()) {
				kind = "job-status";
				var pool = !installJobs.isEmpty() && random.nextInt(10) < 7 ? installJobs : jobs;
				var job = draft.jobs.get(pick(pool, random));
				var statuses = SyntheticCrm.JOB_STATUSES.stream().filter(s -> !s.equals(job.jobStatus())).toList();
				draft.put(job.withStatus(statuses.get(random.nextInt(statuses.size())), at));
			}
			else if (roll < 35 && !jobs.isEmpty()) {
				kind = "appointment";
				var job = draft.jobs.get(pick(jobs, random));
				draft.add(Appointment.scheduled(draft.newId(), job, at.plus(Duration.ofDays(2)), at));
			}
			else if (roll < 47 && !jobs.isEmpty()) {
				kind = "estimate";
				var job = draft.jobs.get(pick(jobs, random));
				var unit = draft.businessUnits.get(job.businessUnitId());
				var estimate = Estimate.open(draft.newId(), job, unit, unit.name() + " proposal e" + seed + "-" + n,
						SyntheticCrm.subtotal(random), at);
				draft.add(estimate);
				open.add(estimate.id());
			}
			else if (roll < 69 && !open.isEmpty()) {
				var index = random.nextInt(open.size());
				var estimate = draft.estimates.get(open.remove(index));
				var sell = roll < 59;
				kind = sell ? "sell" : "dismiss";
				draft.estimates.put(estimate.id(), sell ? estimate.sold(7002L, at) : estimate.dismissed(at));
			}
			else if (roll < 81 && !contacts.isEmpty()) {
				kind = "contact";
				var contact = draft.contacts.get(pick(contacts, random));
				var value = "Email".equals(contact.type()) ? "edited%d.%d@example.com".formatted(seed, n)
						: "623%07d".formatted(Math.floorMod(seed * 100_003 + n, 10_000_000));
				draft.contacts.put(contact.id(), contact.edited(value, null, at));
			}
			else if (roll < 87 && !customers.isEmpty()) {
				kind = "customer";
				var customer = draft.customers.get(pick(customers, random));
				draft.customers.put(customer.id(), customer.renamed(customer.name().replaceFirst(" \\(.*\\)$", "")
						+ " (" + seed + "-" + n + ")", at));
			}
			else if (roll < 95) {
				kind = "new-customer";
				var job = newCustomer(draft, random, at);
				jobs.add(job.id());
				if (isInstall(job.businessUnitId())) {
					installJobs.add(job.id());
				}
				customers.add(job.customerId());
			}
			else if (!customers.isEmpty()) {
				kind = "install-job";
				var customer = draft.customers.get(pick(customers, random));
				var location = draft.locations.values().stream().filter(l -> l.customerId() == customer.id()).findFirst();
				var job = Job.of(draft.newId(), customer.id(), location.map(Location::id).orElse(0L),
						SyntheticCrm.INSTALL_UNITS[random.nextInt(SyntheticCrm.INSTALL_UNITS.length)], "Scheduled", at, at,
						"Installation e" + seed + "-" + n);
				draft.put(job);
				jobs.add(job.id());
				installJobs.add(job.id());
			}
			else {
				continue;
			}
			applied.merge(kind, 1, Integer::sum);
		}
		return new Result(draft.toTenant(), applied);
	}

	/**
	 * The edited tenant and the count of edits per kind.
	 *
	 * @param applied e.g. {@code {"appointment": 7, "contact": 6, …}}
	 */
	public record Result(TenantCrm data, Map<String, Integer> applied) {
	}

	private static Job newCustomer(CrmDraft draft, Random random, Instant at) {

		var id = draft.newId();
		var n = (int) (id % 100_000);
		var customer = CrmSeed.customer(id, n, at, at);
		draft.customers.put(id, customer);
		var location = Location.home(draft.newId(), customer);
		draft.locations.put(location.id(), location);
		var phone = Contact.phone(draft.newId(), id, CrmSeed.phone(n), at);
		var email = Contact.email(draft.newId(), id, "new%d@example.com".formatted(id), at);
		draft.contacts.put(phone.id(), phone);
		draft.contacts.put(email.id(), email);
		var install = random.nextInt(4) == 0;
		var unit = install ? SyntheticCrm.INSTALL_UNITS[random.nextInt(SyntheticCrm.INSTALL_UNITS.length)]
				: SyntheticCrm.SALES_UNITS[random.nextInt(SyntheticCrm.SALES_UNITS.length)];
		var job = Job.of(draft.newId(), id, location.id(), unit, "Scheduled", at, at, "New customer's job");
		draft.put(job);
		return job;
	}

	private static boolean isInstall(long businessUnitId) {
		return businessUnitId == CrmSeed.POOL_INSTALL || businessUnitId == CrmSeed.ELECTRICAL_INSTALL;
	}

	private static long pick(List<Long> ids, Random random) {
		return ids.get(random.nextInt(ids.size()));
	}
}
