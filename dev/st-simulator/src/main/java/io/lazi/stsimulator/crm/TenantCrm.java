package io.lazi.stsimulator.crm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An immutable snapshot of one tenant's CRM data, each list in id order, with the tenant's {@link Office} records.
 */
public record TenantCrm(List<BusinessUnit> businessUnits, List<Customer> customers, List<Contact> contacts,
		List<Location> locations, List<Job> jobs, List<Appointment> appointments, List<Estimate> estimates,
		Office office) {

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

	/** A snapshot without office records (leads, bookings, reasons, job history). */
	public TenantCrm(List<BusinessUnit> businessUnits, List<Customer> customers, List<Contact> contacts,
			List<Location> locations, List<Job> jobs, List<Appointment> appointments, List<Estimate> estimates) {
		this(businessUnits, customers, contacts, locations, jobs, appointments, estimates, Office.EMPTY);
	}

	/** The contacts of one customer, in id order. */
	public List<Contact> contactsOf(long customerId) {
		return contacts.stream().filter(contact -> contact.customerId() == customerId).toList();
	}

	/** The locations of one customer, in id order. */
	public List<Location> locationsOf(long customerId) {
		return locations.stream().filter(location -> location.customerId() == customerId).toList();
	}

	/** The appointments of one job, in id order. */
	public List<Appointment> appointmentsOf(long jobId) {
		return appointments.stream().filter(appointment -> appointment.jobId() == jobId).toList();
	}

	/**
	 * A job's history, oldest first: the "Job Booked" entry derived from the job, then the status changes stored
	 * since.
	 */
	public List<JobHistoryEntry> historyOf(Job job) {
		return Stream.concat(Stream.of(JobHistoryEntry.booked(job)),
				office.jobHistory().stream().filter(entry -> entry.jobId() == job.id())).toList();
	}

	public Optional<Customer> customer(long id) {
		return find(customers, id);
	}

	public Optional<Location> location(long id) {
		return find(locations, id);
	}

	public Optional<Job> job(long id) {
		return find(jobs, id);
	}

	public Optional<Appointment> appointment(long id) {
		return find(appointments, id);
	}

	public Optional<Estimate> estimate(long id) {
		return find(estimates, id);
	}

	public Optional<BusinessUnit> businessUnit(long id) {
		return find(businessUnits, id);
	}

	public Optional<Contact> contact(long id) {
		return find(contacts, id);
	}

	/** This snapshot with {@code customer} replaced, or added when new. */
	public TenantCrm withCustomer(Customer customer) {
		return new TenantCrm(businessUnits, put(customers, customer), contacts, locations, jobs, appointments, estimates,
				office);
	}

	/** This snapshot with more locations and contacts (a new customer's). */
	public TenantCrm withAdded(List<Location> newLocations, List<Contact> newContacts) {
		return new TenantCrm(businessUnits, customers, concat(contacts, newContacts), concat(locations, newLocations), jobs,
				appointments, estimates, office);
	}

	/** This snapshot with {@code job} replaced. */
	public TenantCrm withJob(Job job) {
		return new TenantCrm(businessUnits, customers, contacts, locations, replaced(jobs, job), appointments, estimates,
				office);
	}

	/** This snapshot with {@code contact} replaced. */
	public TenantCrm withContact(Contact contact) {
		return new TenantCrm(businessUnits, customers, replaced(contacts, contact), locations, jobs, appointments, estimates,
				office);
	}

	/** This snapshot with {@code estimate} replaced. */
	public TenantCrm withEstimate(Estimate estimate) {
		return new TenantCrm(businessUnits, customers, contacts, locations, jobs, appointments, replaced(estimates, estimate),
				office);
	}

	/** This snapshot with {@code appointment} replaced, or added when new. */
	public TenantCrm withAppointment(Appointment appointment) {
		return new TenantCrm(businessUnits, customers, contacts, locations, jobs, put(appointments, appointment), estimates,
				office);
	}

	/** This snapshot with a new appointment and its job updated. */
	public TenantCrm withAppointment(Appointment appointment, Job job) {
		return withAppointment(appointment).withJob(job);
	}

	/** This snapshot with other office records. */
	public TenantCrm withOffice(Office newOffice) {
		return new TenantCrm(businessUnits, customers, contacts, locations, jobs, appointments, estimates, newOffice);
	}

	/** The largest id of any record, office records included, so new records get fresh ids. */
	public long maxId() {
		return Math.max(office.maxId(), Stream.of(businessUnits, customers, contacts, locations, jobs, appointments, estimates)
			.flatMap(List::stream)
			.mapToLong(CrmRecord::id)
			.max()
			.orElse(0L));
	}

	private static <T extends CrmRecord> Optional<T> find(List<T> records, long id) {
		return records.stream().filter(record -> record.id() == id).findFirst();
	}

	private static <T extends CrmRecord> List<T> replaced(List<T> records, T replacement) {

		UnaryOperator<T> swap = record -> record.id() == replacement.id() ? replacement : record;
		return records.stream().map(swap).toList();
	}

	private static <T extends CrmRecord> List<T> put(List<T> records, T record) {
		return find(records, record.id()).isPresent() ? replaced(records, record) : concat(records, List.of(record));
	}

	private static <T> List<T> concat(List<T> records, List<T> added) {
		return Stream.concat(records.stream(), added.stream()).toList();
	}

	private static <T extends CrmRecord> List<T> sorted(List<T> records) {
		return records.stream().sorted(Comparator.comparingLong(CrmRecord::id)).toList();
	}
}
