package io.lazi.stsimulator.dispatch;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable snapshot of one tenant's field crew, each list in id order.
 */
public record TenantCrew(List<Technician> technicians, List<Team> teams, List<Zone> zones,
		List<TechnicianShift> shifts, List<AppointmentAssignment> assignments) {

	/** A tenant without a crew. */
	public static final TenantCrew EMPTY = new TenantCrew(List.of(), List.of(), List.of(), List.of(), List.of());

	public TenantCrew {
		technicians = sorted(technicians);
		teams = sorted(teams);
		zones = sorted(zones);
		shifts = sorted(shifts);
		assignments = sorted(assignments);
	}

	public Optional<Technician> technician(long id) {
		return technicians.stream().filter(technician -> technician.id() == id).findFirst();
	}

	/** The assignment of a technician to an appointment, active or not. */
	public Optional<AppointmentAssignment> assignment(long appointmentId, long technicianId) {
		return assignments.stream()
			.filter(assignment -> assignment.appointmentId() == appointmentId && assignment.technicianId() == technicianId)
			.findFirst();
	}

	/** This crew with {@code changed} assignments replaced, or added when new. */
	public TenantCrew withAssignments(List<AppointmentAssignment> changed) {

		var ids = changed.stream().map(AppointmentAssignment::id).toList();
		return new TenantCrew(technicians, teams, zones, shifts, Stream.concat(
				assignments.stream().filter(assignment -> !ids.contains(assignment.id())), changed.stream()).toList());
	}

	/** This crew without any assignment (the appointments they named are gone). */
	public TenantCrew withoutAssignments() {
		return new TenantCrew(technicians, teams, zones, shifts, List.of());
	}

	/** The largest id of any record, so new records get fresh ids. */
	public long maxId() {
		return Stream.of(technicians, teams, zones, shifts, assignments)
			.flatMap(List::stream)
			.mapToLong(CrewRecord::id)
			.max()
			.orElse(0L);
	}

	private static <T extends CrewRecord> List<T> sorted(List<T> records) {
		return records.stream().sorted(Comparator.comparingLong(CrewRecord::id)).toList();
	}
}
