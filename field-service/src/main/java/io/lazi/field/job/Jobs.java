package io.lazi.field.job;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.change.Announcements;
import io.lazi.field.command.FieldCommands;
import io.lazi.field.command.Written;
import io.lazi.field.provider.Placement;
import io.lazi.field.provider.Placement.Target;
import io.lazi.field.provider.Providers;
import io.lazi.field.record.Domain;
import io.lazi.field.record.Filter;
import io.lazi.field.record.Kind;
import io.lazi.field.record.Provider;
import io.lazi.field.record.RecordStore;
import io.lazi.field.record.Rows;
import io.lazi.field.record.Sort;
import io.lazi.field.record.Source;
import io.lazi.field.record.Stored;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StJobHistory;
import io.lazi.platform.events.StJobReason;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.StTechnician;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.ResourceNotFoundException;

/**
 * The tenant's jobs, appointments and assignments as its jobs provider serves them. Writes to a ServiceTitan job
 * become commands (cancel, hold, complete, update, assign, unassign, reschedule, confirm) and change the mirror with
 * ServiceTitan's answer; writes to a Lazi-owned job change it here, append to its history and are announced on
 * {@code field.changed}. Bad input is an {@link InvalidInputException} naming the field, before anything changes;
 * a write the state forbids is a {@link JobConflict}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Jobs {

	/** Statuses a Lazi-owned job can be put in. */
	private static final Set<String> STATUSES = Set.of("Scheduled", "Dispatched", "Working", "Hold", "Completed",
			"Canceled");

	private static final Set<String> PRIORITIES = Set.of("Low", "Normal", "High", "Urgent");

	private static final int MAX_TECHNICIANS = 20;

	private final RecordStore records;

	private final Providers providers;

	private final Placement placement;

	private final FieldCommands commands;

	private final Announcements announcements;

	private final Clock clock = Clock.systemUTC();

	/**
	 * One page of jobs, newest {@code modifiedOn} first.
	 *
	 * @param technicianId only jobs with this technician actively assigned
	 * @param status only jobs in this ServiceTitan status, e.g. {@code Hold}
	 */
	public Page<JobView> list(String tenant, @Nullable Long customerId, @Nullable Long locationId,
			@Nullable Long technicianId, @Nullable String status, @Nullable String search, PageRequest page) {

		var provider = jobs(tenant);
		var filter = Filter.all().customer(customerId).location(locationId).with("jobStatus", status).matching(search);
		if (technicianId != null) {
			filter = filter.only(assignments(tenant, Filter.all().technician(technicianId).active()).stream()
				.map(a -> a.record().jobId())
				.toList());
		}
		var items = records.list(tenant, Kind.JOB, provider, StJob.class, filter, Sort.NEWEST, page)
			.stream()
			.map(job -> JobView.of(job, announcements.technicians(tenant, job.id())))
			.toList();
		return Page.of(items, page, records.count(tenant, Kind.JOB, provider, filter));
	}

	/** Job {@code id} with its appointments, assignments and history. */
	public JobDetail get(String tenant, long id) {

		var job = job(tenant, id);
		var assignments = assignments(tenant, Filter.all().job(id));
		var appointments = records.all(tenant, Kind.APPOINTMENT, jobs(tenant), StAppointment.class,
				Filter.all().job(id), Sort.START)
			.stream()
			.map(a -> AppointmentView.of(a, technicians(assignments, a.id())))
			.toList();
		var history = records.find(tenant, Kind.JOB_HISTORY, id, jobs(tenant), StJobHistory.class)
			.map(h -> h.record().history())
			.orElse(List.of());
		return new JobDetail(JobView.of(job, technicians(assignments, null)), appointments,
				assignments.stream().map(AssignmentView::of).toList(), history);
	}

	/**
	 * One page of appointments by start.
	 *
	 * @param from appointments ending at or after this instant
	 * @param to appointments starting before this instant
	 */
	public Page<AppointmentView> appointments(String tenant, @Nullable Instant from, @Nullable Instant to,
			@Nullable Long technicianId, @Nullable Long jobId, PageRequest page) {

		if (from != null && to != null && !to.isAfter(from)) {
			throw new InvalidInputException("to", "must be after from");
		}
		var filter = Filter.all().between(from, to).job(jobId);
		if (technicianId != null) {
			filter = filter.only(assignments(tenant, Filter.all().technician(technicianId).active()).stream()
				.map(a -> a.record().appointmentId())
				.toList());
		}
		var provider = jobs(tenant);
		var found = records.list(tenant, Kind.APPOINTMENT, provider, StAppointment.class, filter, Sort.START, page);
		var ids = found.stream().map(Stored::id).toList();
		var assignments = ids.isEmpty() ? List.<Stored<StAppointmentAssignment>>of()
				: records.all(tenant, Kind.ASSIGNMENT, provider, StAppointmentAssignment.class,
						Filter.all().appointments(ids).active(), Sort.ID);
		return Page.of(found.stream().map(a -> AppointmentView.of(a, technicians(assignments, a.id()))).toList(), page,
				records.count(tenant, Kind.APPOINTMENT, provider, filter));
	}

	/** The cancel ({@code hold false}) or hold reasons of the tenant, by id. */
	public List<StJobReason> reasons(String tenant, boolean hold) {

		return records.all(tenant, hold ? Kind.HOLD_REASON : Kind.CANCEL_REASON, jobs(tenant), StJobReason.class,
				Filter.all(), Sort.ID).stream().map(Stored::record).toList();
	}

	/**
	 * Creates a Lazi-owned job with its first appointment, for a customer the customers provider shows.
	 *
	 * @throws JobConflict under the {@code servicetitan} provider: jobs are booked in ServiceTitan
	 */
	@Transactional
	public JobDetail create(String tenant, JobInput input, String user) {

		if (placement.createsInServiceTitan(tenant, Kind.JOB)) {
			throw new JobConflict("Jobs are booked in ServiceTitan while the jobs domain is served by servicetitan; "
					+ "book it there, or switch jobs to hybrid or lazi to create Lazi jobs");
		}
		if (input.customerId() == null) {
			throw new InvalidInputException("customerId", "is required");
		}
		if (input.businessUnitId() == null) {
			throw new InvalidInputException("businessUnitId", "is required");
		}
		if (input.start() == null || input.end() == null) {
			throw new InvalidInputException(input.start() == null ? "start" : "end", "is required");
		}
		if (!input.end().isAfter(input.start())) {
			throw new InvalidInputException("end", "must be after start");
		}
		priority(input.priority());
		var customers = providers.of(tenant, Domain.CUSTOMERS);
		var customer = records.find(tenant, Kind.CUSTOMER, input.customerId(), customers, StCustomer.class)
			.orElseThrow(() -> new InvalidInputException("customerId", "is no customer of this tenant"));
		var locations = records.all(tenant, Kind.LOCATION, customers, StLocation.class,
				Filter.all().customer(customer.id()), Sort.ID);
		Long locationId = input.locationId();
		if (locationId != null && locations.stream().noneMatch(l -> l.id() == input.locationId())) {
			throw new InvalidInputException("locationId", "is no location of customer " + customer.id());
		}
		if (locationId == null && !locations.isEmpty()) {
			locationId = locations.getFirst().id();
		}
		var now = clock.instant();
		var id = records.nextLaziId();
		var job = new StJob(id, "L" + id, customer.id(), locationId, "Scheduled", null, input.businessUnitId(),
				input.jobTypeId(), 1, null, null, List.of(), input.summary(), now, now);
		var appointment = new StAppointment(records.nextLaziId(), id, "L" + id + "-1", input.start(), input.end(),
				"Scheduled", customer.id(), true, now, now);
		job = new StJob(id, job.jobNumber(), job.customerId(), job.locationId(), job.jobStatus(), null,
				job.businessUnitId(), job.jobTypeId(), 1, appointment.id(), null, List.of(), job.summary(), now, now);
		records.saveLazi(tenant, Rows.of(Kind.JOB, job), now);
		records.saveLazi(tenant, Rows.of(Kind.APPOINTMENT, appointment), now);
		history(tenant, id, "Job Booked", "by " + user, now);
		announcements.job(tenant, job, null, Source.LAZI, false, now);
		return get(tenant, id);
	}

	/** Changes the given fields (summary, business unit, job type, priority) of job {@code id}. */
	@Transactional
	public Written<JobDetail> update(String tenant, long id, JobInput input, String user) {

		if (input.customerId() != null || input.locationId() != null || input.start() != null || input.end() != null) {
			throw new InvalidInputException(input.customerId() != null ? "customerId"
					: input.locationId() != null ? "locationId" : input.start() != null ? "start" : "end",
					"cannot be changed here; reschedule an appointment with PATCH /api/v2/appointments/{id}/reschedule");
		}
		if (input.summary() == null && input.businessUnitId() == null && input.jobTypeId() == null
				&& input.priority() == null) {
			throw new InvalidInputException("body", "must change at least one of summary, businessUnitId, jobTypeId, priority");
		}
		priority(input.priority());
		var target = placement.existing(tenant, Kind.JOB, id, StJob.class, "Job");
		if (target.inServiceTitan()) {
			return Written.sent(commands.issue(tenant, FieldAction.UPDATE_JOB, id, new FieldWrite(null, null, null,
					input.summary(), input.businessUnitId(), input.jobTypeId(), input.priority(), null, null, null, null,
					null, null), null, user));
		}
		var j = target.record();
		var now = clock.instant();
		var changed = new StJob(j.id(), j.jobNumber(), j.customerId(), j.locationId(), j.jobStatus(), j.completedOn(),
				input.businessUnitId() == null ? j.businessUnitId() : input.businessUnitId(),
				input.jobTypeId() == null ? j.jobTypeId() : input.jobTypeId(), j.appointmentCount(),
				j.firstAppointmentId(), j.total(), j.estimateIds(), input.summary() == null ? j.summary() : input.summary(),
				j.createdOn(), now);
		records.saveLazi(tenant, Rows.of(Kind.JOB, changed), now);
		announcements.job(tenant, changed, j, Source.LAZI, false, now);
		return Written.applied(get(tenant, id));
	}

	/**
	 * Moves job {@code id} to another status: for a ServiceTitan job cancel, hold or complete there; for a Lazi-owned
	 * job here, with a history entry.
	 */
	@Transactional
	public Written<JobDetail> changeStatus(String tenant, long id, StatusChange change, String user) {

		var status = status(change.status());
		var target = placement.existing(tenant, Kind.JOB, id, StJob.class, "Job");
		var current = target.record().jobStatus();
		if ("Completed".equals(current) || "Canceled".equals(current)) {
			throw new JobConflict("Job " + id + " is " + current + "; its status cannot change any more");
		}
		var reason = reason(tenant, status, change);
		if (target.inServiceTitan()) {
			var action = switch (status) {
				case "Canceled" -> FieldAction.CANCEL_JOB;
				case "Hold" -> FieldAction.HOLD_JOB;
				case "Completed" -> FieldAction.COMPLETE_JOB;
				default -> throw new InvalidInputException("status",
						"ServiceTitan moves its jobs to " + status + " itself; only Canceled, Hold and Completed can be asked");
			};
			return Written.sent(commands.issue(tenant, action, id, new FieldWrite(null, null, null, null, null, null, null,
					null, null, change.reasonId(), change.memo(), null, change.completedOn()), null, user));
		}
		var j = target.record();
		var now = clock.instant();
		var completedOn = "Completed".equals(status) ? (change.completedOn() == null ? now : change.completedOn()) : null;
		var changed = new StJob(j.id(), j.jobNumber(), j.customerId(), j.locationId(), status, completedOn,
				j.businessUnitId(), j.jobTypeId(), j.appointmentCount(), j.firstAppointmentId(), j.total(), j.estimateIds(),
				j.summary(), j.createdOn(), now);
		records.saveLazi(tenant, Rows.of(Kind.JOB, changed), now);
		history(tenant, id, "Job " + status, reason == null ? "by " + user : reason.name() + ": " + change.memo(), now);
		announcements.job(tenant, changed, j, Source.LAZI, false, now);
		return Written.applied(get(tenant, id));
	}

	/**
	 * Assigns technicians to one appointment of job {@code id} (its first active one by start unless named);
	 * technicians already assigned stay assigned.
	 */
	@Transactional
	public Written<JobDetail> assign(String tenant, long id, Assignment assignment, String user) {
		return assignment(tenant, id, assignment, user, true);
	}

	/** Unassigns technicians from one appointment of job {@code id}; technicians not assigned are left alone. */
	@Transactional
	public Written<JobDetail> unassign(String tenant, long id, Assignment assignment, String user) {
		return assignment(tenant, id, assignment, user, false);
	}

	/** Moves appointment {@code id} to {@code start}..{@code end}. */
	@Transactional
	public Written<AppointmentView> reschedule(String tenant, long id, @Nullable Instant start, @Nullable Instant end,
			String user) {

		if (start == null || end == null) {
			throw new InvalidInputException(start == null ? "start" : "end", "is required");
		}
		if (!end.isAfter(start)) {
			throw new InvalidInputException("end", "must be after start");
		}
		var target = placement.existing(tenant, Kind.APPOINTMENT, id, StAppointment.class, "Appointment");
		if (target.inServiceTitan()) {
			return Written.sent(commands.issue(tenant, FieldAction.RESCHEDULE_APPOINTMENT, id, new FieldWrite(null, null,
					null, null, null, null, null, null, null, null, null, start, end), null, user));
		}
		var a = target.record();
		var now = clock.instant();
		var moved = new StAppointment(a.id(), a.jobId(), a.appointmentNumber(), start, end, a.status(), a.customerId(),
				a.active(), a.createdOn(), now);
		records.saveLazi(tenant, Rows.of(Kind.APPOINTMENT, moved), now);
		history(tenant, a.jobId(), "Appointment Rescheduled", a.appointmentNumber() + " to " + start + " – " + end + " by "
				+ user, now);
		announceJob(tenant, a.jobId(), false, now);
		return Written.applied(appointment(tenant, id));
	}

	/** Records the customer's confirmation of appointment {@code id}. */
	@Transactional
	public Written<AppointmentView> confirm(String tenant, long id, String user) {

		var target = placement.existing(tenant, Kind.APPOINTMENT, id, StAppointment.class, "Appointment");
		if (target.inServiceTitan()) {
			return Written.sent(commands.issue(tenant, FieldAction.CONFIRM_APPOINTMENT, id, FieldWrite.none(), null, user));
		}
		var a = target.record();
		history(tenant, a.jobId(), "Appointment Confirmed", a.appointmentNumber() + " by " + user, clock.instant());
		return Written.applied(appointment(tenant, id));
	}

	/** Appointment {@code id}. */
	public AppointmentView appointment(String tenant, long id) {

		var appointment = records.find(tenant, Kind.APPOINTMENT, id, jobs(tenant), StAppointment.class)
			.orElseThrow(() -> new ResourceNotFoundException("Appointment", id));
		return AppointmentView.of(appointment,
				technicians(assignments(tenant, Filter.all().appointment(id)), appointment.id()));
	}

	/** A write the job's state forbids; answers 409. */
	public static class JobConflict extends RuntimeException {

		public JobConflict(String message) {
			super(message);
		}
	}

	private Written<JobDetail> assignment(String tenant, long id, Assignment body, String user, boolean assign) {

		var technicianIds = body.technicianIds();
		if (technicianIds == null || technicianIds.isEmpty() || technicianIds.size() > MAX_TECHNICIANS) {
			throw new InvalidInputException("technicianIds", "must name 1.." + MAX_TECHNICIANS + " technicians");
		}
		var distinct = List.copyOf(new LinkedHashSet<>(technicianIds));
		var technicians = providers.of(tenant, Domain.TECHNICIANS);
		var names = new java.util.HashMap<Long, String>();
		for (var technicianId : distinct) {
			var technician = records.find(tenant, Kind.TECHNICIAN, technicianId, technicians, StTechnician.class)
				.filter(t -> t.record().active() || !assign)
				.orElseThrow(() -> new InvalidInputException("technicianIds",
						"technician " + technicianId + " is unknown or inactive"));
			names.put(technicianId, technician.record().name());
		}
		var target = placement.existing(tenant, Kind.JOB, id, StJob.class, "Job");
		var appointment = appointmentOf(tenant, target, body.appointmentId());
		if (target.inServiceTitan()) {
			return Written.sent(commands.issue(tenant, assign ? FieldAction.ASSIGN_TECHNICIANS : FieldAction.UNASSIGN_TECHNICIANS,
					id, new FieldWrite(null, null, null, null, null, null, null, appointment.id(), distinct, null, null, null,
							null), null, user));
		}
		var now = clock.instant();
		var existing = assignments(tenant, Filter.all().appointment(appointment.id()));
		var changed = false;
		for (var technicianId : distinct) {
			var current = existing.stream().filter(a -> a.record().technicianId() == technicianId).findFirst();
			if (assign && current.map(a -> !a.record().active()).orElse(true)) {
				var assignmentId = current.map(Stored::id).orElseGet(records::nextLaziId);
				records.saveLazi(tenant, Rows.of(Kind.ASSIGNMENT, new StAppointmentAssignment(assignmentId, technicianId,
						names.get(technicianId), null, now, "Scheduled", id, appointment.id(), true, now, now)), now);
				changed = true;
			}
			else if (!assign && current.map(a -> a.record().active()).orElse(false)) {
				var a = current.get().record();
				records.saveLazi(tenant, Rows.of(Kind.ASSIGNMENT, new StAppointmentAssignment(a.id(), technicianId,
						a.technicianName(), a.assignedById(), a.assignedOn(), a.status(), id, appointment.id(), false,
						a.createdOn(), now)), now);
				changed = true;
			}
		}
		if (changed) {
			history(tenant, id, assign ? "Technicians Assigned" : "Technicians Unassigned",
					distinct.stream().map(names::get).toList() + " by " + user, now);
			announceJob(tenant, id, true, now);
		}
		return Written.applied(get(tenant, id));
	}

	private Stored<StAppointment> appointmentOf(String tenant, Target<StJob> job, @Nullable Long appointmentId) {

		var appointments = records.all(tenant, Kind.APPOINTMENT, job.provider(), StAppointment.class,
				Filter.all().job(job.stored().id()), Sort.START);
		if (appointmentId != null) {
			return appointments.stream()
				.filter(a -> a.id() == appointmentId)
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("appointmentId",
						"is no appointment of job " + job.stored().id()));
		}
		return appointments.stream()
			.filter(a -> a.record().active())
			.findFirst()
			.orElseThrow(() -> new JobConflict("Job " + job.stored().id() + " has no active appointment to assign technicians to"));
	}

	private @Nullable StJobReason reason(String tenant, String status, StatusChange change) {

		if (!"Canceled".equals(status) && !"Hold".equals(status)) {
			return null;
		}
		if (change.reasonId() == null) {
			throw new InvalidInputException("reasonId", "is required to put a job on " + status);
		}
		if (change.memo() == null || change.memo().isBlank()) {
			throw new InvalidInputException("memo", "is required to put a job on " + status);
		}
		var kind = "Hold".equals(status) ? Kind.HOLD_REASON : Kind.CANCEL_REASON;
		return records.find(tenant, kind, change.reasonId(), jobs(tenant), StJobReason.class)
			.filter(r -> r.record().active())
			.map(Stored::record)
			.orElseThrow(() -> new InvalidInputException("reasonId",
					"is no active " + ("Hold".equals(status) ? "hold" : "cancel") + " reason of this tenant"));
	}

	private void history(String tenant, long jobId, String eventType, String memo, Instant now) {

		var entries = new ArrayList<>(records.find(tenant, Kind.JOB_HISTORY, jobId, jobs(tenant), StJobHistory.class)
			.map(h -> h.record().history())
			.orElse(List.of()));
		entries.add(new StJobHistory.Entry(records.nextLaziId(), eventType, now, null, memo));
		records.saveLazi(tenant, Rows.of(Kind.JOB_HISTORY, new StJobHistory(jobId, List.copyOf(entries))), now);
	}

	private void announceJob(String tenant, long jobId, boolean assignmentsChanged, Instant now) {

		records.find(tenant, Kind.JOB, jobId, jobs(tenant), StJob.class)
			.ifPresent(job -> announcements.job(tenant, job.record(), job.record(), job.source(), assignmentsChanged, now));
	}

	private Stored<StJob> job(String tenant, long id) {
		return records.find(tenant, Kind.JOB, id, jobs(tenant), StJob.class)
			.orElseThrow(() -> new ResourceNotFoundException("Job", id));
	}

	private List<Stored<StAppointmentAssignment>> assignments(String tenant, Filter filter) {
		return records.all(tenant, Kind.ASSIGNMENT, jobs(tenant), StAppointmentAssignment.class, filter, Sort.ID);
	}

	private static List<Long> technicians(List<Stored<StAppointmentAssignment>> assignments, @Nullable Long appointmentId) {

		return assignments.stream()
			.map(Stored::record)
			.filter(a -> a.active() && (appointmentId == null || a.appointmentId() == appointmentId))
			.map(StAppointmentAssignment::technicianId)
			.distinct()
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	private Provider jobs(String tenant) {
		return providers.of(tenant, Domain.JOBS);
	}

	private static String status(@Nullable String status) {

		if (status == null) {
			throw new InvalidInputException("status", "is required");
		}
		return STATUSES.stream()
			.filter(s -> s.equalsIgnoreCase(status.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("status", "must be one of " + new java.util.TreeSet<>(STATUSES)));
	}

	private static void priority(@Nullable String priority) {

		if (priority != null && !PRIORITIES.contains(priority)) {
			throw new InvalidInputException("priority", "must be Low, Normal, High or Urgent");
		}
	}
}
