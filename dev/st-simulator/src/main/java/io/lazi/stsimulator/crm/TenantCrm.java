package io.lazi.stsimulator.crm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An immutable snapshot of one tenant's CRM data, each list in id order.
 */
public record TenantCrm(List<BusinessUnit> businessUnits, List<Customer> customers, List<Contact> contacts,
		List<Location> locations, List<Job> jobs, List<Appointment> appointments, List<Estimate> estimates) {

	/** A tenant without data. */
	public static final TenantCrm EMPTY = new TenantCrm(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
			List.of());

	public TenantCrm {
		businessUnits = sorted(businessUnits);
		customers = sorted(customers);
		contacts = sorted(contacts);
		locations = sorted(locations);
		jobs = sorted(jobs);
		appointments = sorted(appointments);
		estimates = sorted(estimates);
	}

	/** The contacts of one customer, in id order. */
	public List<Contact> contactsOf(long customerId) {
		return contacts.stream().filter(contact -> contact.customerId() == customerId).toList();
	}

	/** The locations of one customer, in id order. */
	public List<Location> locationsOf(long customerId) {
		return locations.stream().filter(location -> location.customerId() == customerId).toList();
	}

	public Optional<Customer> customer(long id) {
		return find(customers, id);
	}

	public Optional<Job> job(long id) {
		return find(jobs, id);
	}

	public Optional<Estimate> estimate(long id) {
		return find(estimates, id);
	}

	public Optional<BusinessUnit> businessUnit(long id) {
		return find(businessUnits, id);
	}

	/** This snapshot with {@code job} replaced. */
	public TenantCrm withJob(Job job) {
		return new TenantCrm(businessUnits, customers, contacts, locations, replaced(jobs, job), appointments, estimates);
	}

	public Optional<Contact> contact(long id) {
		return find(contacts, id);
	}

	/** This snapshot with {@code contact} replaced. */
	public TenantCrm withContact(Contact contact) {
		return new TenantCrm(businessUnits, customers, replaced(contacts, contact), locations, jobs, appointments, estimates);
	}

	/** This snapshot with {@code estimate} replaced. */
	public TenantCrm withEstimate(Estimate estimate) {
		return new TenantCrm(businessUnits, customers, contacts, locations, jobs, appointments, replaced(estimates, estimate));
	}

	/** This snapshot with a new appointment and its job updated. */
	public TenantCrm withAppointment(Appointment appointment, Job job) {
		return new TenantCrm(businessUnits, customers, contacts, locations, replaced(jobs, job),
				Stream.concat(appointments.stream(), Stream.of(appointment)).toList(), estimates);
	}

	/** The largest id of any record, so new records get fresh ids. */
	public long maxId() {
		return Stream.of(businessUnits, customers, contacts, locations, jobs, appointments, estimates)
			.flatMap(List::stream)
			.mapToLong(CrmRecord::id)
			.max()
			.orElse(0L);
	}

	private static <T extends CrmRecord> Optional<T> find(List<T> records, long id) {
		return records.stream().filter(record -> record.id() == id).findFirst();
	}

	private static <T extends CrmRecord> List<T> replaced(List<T> records, T replacement) {

		UnaryOperator<T> swap = record -> record.id() == replacement.id() ? replacement : record;
		return records.stream().map(swap).toList();
	}

	private static <T extends CrmRecord> List<T> sorted(List<T> records) {
		return records.stream().sorted(Comparator.comparingLong(CrmRecord::id)).toList();
	}
}
