package io.lazi.stsimulator.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's CRM, JPM and sales writes applied to one tenant's snapshot: pure functions from a snapshot, a
 * request already checked against the spec's schema and the instant to stamp, to the record to answer and the new
 * snapshot. A request ServiceTitan would refuse is an {@link ApiException}: 404 for an unknown id in the path,
 * 400 naming the field for an unknown id in the body or a state that forbids the write, 409 where the spec
 * documents it (completing a closed job, rescheduling or confirming a closed appointment). A refused write changes
 * nothing.
 */
public final class CrmWrites {

	private static final Set<String> OPEN_FOR_HOLD = Set.of("Scheduled", "Dispatched", "InProgress", "Working");

	private CrmWrites() {
	}

	/** The answer to a write and the snapshot it leaves. */
	public record Written<T>(T record, TenantCrm snapshot) {
	}

	/** A customer just created, with the locations and contacts created with it. */
	public record CreatedCustomer(Customer customer, List<CreatedLocation> locations, List<Contact> contacts) {
	}

	/** A location created with its customer, with its contacts. */
	public record CreatedLocation(Location location, List<LocationContact> contacts) {
	}

	/** {@code Customers_Create}: the customer, its locations and both kinds of contacts under new ids. */
	public static Written<CreatedCustomer> createCustomer(TenantCrm snapshot, NewCustomer request, Instant now) {

		var nextId = snapshot.maxId() + 1;
		var customer = Customer.created(nextId++, request, now);
		var contacts = new ArrayList<Contact>();
		for (var contact : request.contacts()) {
			contacts.add(Contact.of(nextId++, customer.id(), contact.type(), contact.value(), contact.memo(), now));
		}
		var locations = new ArrayList<CreatedLocation>();
		for (var newLocation : request.locations()) {
			var location = Location.created(nextId++, customer.id(), newLocation, now);
			var locationContacts = new ArrayList<LocationContact>();
			for (var contact : newLocation.contacts()) {
				locationContacts.add(new LocationContact(nextId++, location.id(), contact.type(), contact.value(),
						contact.memo(), now, now));
			}
			locations.add(new CreatedLocation(location, List.copyOf(locationContacts)));
		}
		var updated = snapshot.withCustomer(customer)
			.withAdded(locations.stream().map(CreatedLocation::location).toList(), contacts)
			.withOffice(snapshot.office()
				.withLocationContacts(locations.stream().flatMap(created -> created.contacts().stream()).toList()));
		return new Written<>(new CreatedCustomer(customer, List.copyOf(locations), List.copyOf(contacts)), updated);
	}

	/** {@code Customers_Update}: only the supplied fields change. */
	public static Written<Customer> updateCustomer(TenantCrm snapshot, long id, CustomerChanges changes, Instant now) {

		var customer = snapshot.customer(id).orElseThrow(() -> notFound("Customer", id));
		var changed = customer.changed(changes, now);
		return new Written<>(changed, snapshot.withCustomer(changed));
	}

	/**
	 * {@code Jobs_Update}: only the supplied fields change; the customer, location (of that customer) and business
	 * unit must exist.
	 */
	public static Written<Job> updateJob(TenantCrm snapshot, long id, JobChanges changes, Instant now) {

		var job = snapshot.job(id).orElseThrow(() -> notFound("Job", id));
		var customerId = changes.customerId() != null ? changes.customerId() : job.customerId();
		if (changes.customerId() != null && snapshot.customer(customerId).isEmpty()) {
			throw ApiException.badRequest("customerId", "Customer with id %d was not found.".formatted(customerId));
		}
		var locationId = changes.locationId() != null ? changes.locationId() : job.locationId();
		if ((changes.customerId() != null || changes.locationId() != null)
				&& snapshot.location(locationId).filter(location -> location.customerId() == customerId).isEmpty()) {
			throw ApiException.badRequest("locationId",
					"Location with id %d was not found for customer %d.".formatted(locationId, customerId));
		}
		if (changes.businessUnitId() != null && snapshot.businessUnit(changes.businessUnitId()).isEmpty()) {
			throw ApiException.badRequest("businessUnitId",
					"Business unit with id %d was not found.".formatted(changes.businessUnitId()));
		}
		var changed = job.changed(changes, now);
		return new Written<>(changed, snapshot.withJob(changed));
	}

	/**
	 * {@code Jobs_Cancel}: the job goes {@code Canceled} with its open appointments; its history logs the reason.
	 * Refused (400) for an unknown or inactive reason and for a job already completed or canceled.
	 */
	public static Written<Job> cancelJob(TenantCrm snapshot, long id, long reasonId, String memo, Instant now) {

		var job = snapshot.job(id).orElseThrow(() -> notFound("Job", id));
		var reason = reason(snapshot.office().cancelReasons(), reasonId, "cancel");
		if (job.closed()) {
			throw ApiException.badRequest("id", "Job %d is %s and cannot be canceled.".formatted(id, job.jobStatus()));
		}
		return changeStatus(snapshot, job.withStatus("Canceled", null, now), "Canceled", memo(reason, memo), now);
	}

	/**
	 * {@code Jobs_Hold}: the job goes {@code Hold}; its history logs the reason. Refused (400) for an unknown or
	 * inactive reason and for a job on hold, completed or canceled.
	 */
	public static Written<Job> holdJob(TenantCrm snapshot, long id, long reasonId, String memo, Instant now) {

		var job = snapshot.job(id).orElseThrow(() -> notFound("Job", id));
		var reason = reason(snapshot.office().holdReasons(), reasonId, "hold");
		if (!OPEN_FOR_HOLD.contains(job.jobStatus())) {
			throw ApiException.badRequest("id", "Job %d is %s and cannot be put on hold.".formatted(id, job.jobStatus()));
		}
		return changeStatus(snapshot, job.withStatus("Hold", null, now), "Hold", memo(reason, memo), now);
	}

	/**
	 * {@code Jobs_Complete}: the job goes {@code Completed} on {@code completedOn}, its open appointments
	 * {@code Done}. 409 for a job already completed or canceled.
	 */
	public static Written<Job> completeJob(TenantCrm snapshot, long id, Instant completedOn, Instant now) {

		var job = snapshot.job(id).orElseThrow(() -> notFound("Job", id));
		if (job.closed()) {
			throw ApiException.conflict("Job %d is %s and cannot be completed.".formatted(id, job.jobStatus()));
		}
		return changeStatus(snapshot, job.withStatus("Completed", completedOn, now), "Completed", "", now);
	}

	/**
	 * A job status set the way a user would (the admin edit): logged in the job's history by
	 * {@code employeeId 1}; no appointment changes.
	 */
	public static Written<Job> setJobStatus(TenantCrm snapshot, long id, String status, Instant now) {

		var job = snapshot.job(id).orElseThrow(() -> notFound("Job", id));
		var changed = job.withStatus(status, now);
		var entry = JobHistoryEntry.statusChange(snapshot.maxId() + 1, id, 1L, status, "", now);
		return new Written<>(changed, snapshot.withJob(changed).withOffice(snapshot.office().withHistory(entry)));
	}

	/**
	 * {@code Appointments_Reschedule}: a new start and end (each kept when not supplied) and arrival window (applied
	 * when supplied, null clearing it); the customer has to confirm the new time again. 409 for an appointment done
	 * or canceled, 400 for an end not after the start or a window ending before it starts.
	 */
	public static Written<Appointment> reschedule(TenantCrm snapshot, long id, @Nullable Instant start,
			@Nullable Instant end, boolean windowSupplied, @Nullable Instant windowStart, @Nullable Instant windowEnd,
			Instant now) {

		var appointment = snapshot.appointment(id).orElseThrow(() -> notFound("Appointment", id));
		if (appointment.closed()) {
			throw ApiException.conflict("Appointment %d is %s and cannot be rescheduled.".formatted(id, appointment.status()));
		}
		var newStart = start != null ? start : appointment.start();
		var newEnd = end != null ? end : appointment.end();
		if (!newEnd.isAfter(newStart)) {
			throw ApiException.badRequest("end", "The end must be after the start.");
		}
		var newWindowStart = windowSupplied ? windowStart : appointment.arrivalWindowStart();
		var newWindowEnd = windowSupplied ? windowEnd : appointment.arrivalWindowEnd();
		if (newWindowStart != null && newWindowEnd != null && newWindowEnd.isBefore(newWindowStart)) {
			throw ApiException.badRequest("arrivalWindowEnd", "The arrival window must not end before it starts.");
		}
		var changed = appointment.rescheduled(newStart, newEnd, newWindowStart, newWindowEnd, now);
		return new Written<>(changed, snapshot.withAppointment(changed));
	}

	/** {@code Appointments_Confirm}: confirmed by the customer; already confirmed changes nothing. 409 when canceled. */
	public static Written<Appointment> confirm(TenantCrm snapshot, long id, Instant now) {

		var appointment = snapshot.appointment(id).orElseThrow(() -> notFound("Appointment", id));
		if ("Canceled".equals(appointment.status())) {
			throw ApiException.conflict("Appointment %d is canceled and cannot be confirmed.".formatted(id));
		}
		if (appointment.isConfirmed()) {
			return new Written<>(appointment, snapshot);
		}
		var changed = appointment.confirmed(now);
		return new Written<>(changed, snapshot.withAppointment(changed));
	}

	/** {@code Estimates_Sell}: status Sold with {@code soldOn} now. 400 when already sold. */
	public static Written<Estimate> sell(TenantCrm snapshot, long id, long soldBy, Instant now) {

		var estimate = snapshot.estimate(id).orElseThrow(() -> notFound("Estimate", id));
		if (estimate.status().equals(Estimate.SOLD)) {
			throw ApiException.badRequest("id", "Estimate %d is already sold.".formatted(id));
		}
		var changed = estimate.sold(soldBy, now);
		return new Written<>(changed, snapshot.withEstimate(changed));
	}

	/** {@code Estimates_Dismiss}: status Dismissed. 400 when sold (unsell it first) or already dismissed. */
	public static Written<Estimate> dismiss(TenantCrm snapshot, long id, Instant now) {

		var estimate = snapshot.estimate(id).orElseThrow(() -> notFound("Estimate", id));
		if (!estimate.status().equals(Estimate.OPEN)) {
			throw ApiException.badRequest("id", "Estimate %d is %s and cannot be dismissed."
				.formatted(id, estimate.status().name()));
		}
		var changed = estimate.dismissed(now);
		return new Written<>(changed, snapshot.withEstimate(changed));
	}

	/** The new status, logged in the job's history; a cancel or completion closes the job's open appointments. */
	private static Written<Job> changeStatus(TenantCrm snapshot, Job changed, String status, String memo, Instant now) {

		var appointmentStatus = Map.of("Canceled", "Canceled", "Completed", "Done").get(status);
		var updated = snapshot.withJob(changed);
		if (appointmentStatus != null) {
			for (var appointment : snapshot.appointmentsOf(changed.id())) {
				if (!appointment.closed()) {
					updated = updated.withAppointment(appointment.withStatus(appointmentStatus, now));
				}
			}
		}
		var entry = JobHistoryEntry.statusChange(snapshot.maxId() + 1, changed.id(), null, status, memo, now);
		return new Written<>(changed, updated.withOffice(updated.office().withHistory(entry)));
	}

	private static JobReason reason(List<JobReason> reasons, long reasonId, String kind) {
		return reasons.stream()
			.filter(reason -> reason.id() == reasonId && reason.active())
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("reasonId",
					"No active job %s reason with id %d was found.".formatted(kind, reasonId)));
	}

	private static String memo(JobReason reason, String memo) {
		return memo.isBlank() ? reason.name() : reason.name() + ": " + memo;
	}

	private static ApiException notFound(String what, long id) {
		return ApiException.notFound("%s with id %d".formatted(what, id));
	}
}
