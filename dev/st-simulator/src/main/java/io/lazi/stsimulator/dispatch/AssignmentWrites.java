package io.lazi.stsimulator.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.TenantCrm;
import io.lazi.stsimulator.errors.ApiException;

/**
 * ServiceTitan's {@code AppointmentAssignments_AssignTechnicians} and {@code _UnassignTechnicians} applied to a
 * tenant's crew: pure functions from the crew, the tenant's CRM data (which holds the appointment) and the request
 * to the appointment to answer and the new crew. Assigning creates an assignment per technician, or reactivates the
 * technician's earlier one; a technician assigned already changes nothing. Unassigning deactivates the technician's
 * active assignment; one not assigned changes nothing. Each assignment changed is stamped {@code now}; the
 * appointment itself does not change. Refusals, as the dispatch spec documents them: 400 naming
 * {@code jobAppointmentId} (no such appointment) and {@code technicianIds} (no such technician, or inactive when
 * assigning), 409 for assigning to a canceled appointment. A refused write changes nothing.
 */
public final class AssignmentWrites {

	private AssignmentWrites() {
	}

	/**
	 * An {@code AssignTechniciansRequest} or {@code UnassignTechniciansRequest}, checked against the schema.
	 *
	 * @param technicianIds at least one
	 */
	public record Request(long jobAppointmentId, List<Long> technicianIds) {
	}

	/** The appointment to answer and the crew the write leaves. */
	public record Written(Appointment appointment, TenantCrew crew) {
	}

	public static Written assign(TenantCrew crew, TenantCrm crm, Request request, Instant now) {

		var appointment = check(crew, crm, request, true);
		if ("Canceled".equals(appointment.status())) {
			throw ApiException.conflict("Appointment %d is canceled; technicians cannot be assigned to it."
				.formatted(appointment.id()));
		}
		var status = AppointmentAssignment.statusFor(appointment.status());
		var nextId = crew.maxId() + 1;
		var changed = new ArrayList<AppointmentAssignment>();
		for (var technicianId : request.technicianIds().stream().distinct().toList()) {
			var existing = crew.assignment(appointment.id(), technicianId);
			if (existing.isPresent()) {
				if (!existing.get().active()) {
					changed.add(existing.get().reactivated(status, now));
				}
				continue;
			}
			var technician = crew.technician(technicianId).orElseThrow();
			changed.add(new AppointmentAssignment(nextId++, technicianId, technician.name(), 1L, now, status, false,
					appointment.jobId(), appointment.id(), now, now, true));
		}
		return new Written(appointment, changed.isEmpty() ? crew : crew.withAssignments(changed));
	}

	public static Written unassign(TenantCrew crew, TenantCrm crm, Request request, Instant now) {

		var appointment = check(crew, crm, request, false);
		var changed = request.technicianIds().stream()
			.distinct()
			.flatMap(technicianId -> crew.assignment(appointment.id(), technicianId).stream())
			.filter(AppointmentAssignment::active)
			.map(assignment -> assignment.deactivated(now))
			.toList();
		return new Written(appointment, changed.isEmpty() ? crew : crew.withAssignments(changed));
	}

	/** The appointment, once every id of the request is known; else a 400 naming each unknown one. */
	private static Appointment check(TenantCrew crew, TenantCrm crm, Request request, boolean assigning) {

		var errors = new LinkedHashMap<String, List<String>>();
		var appointment = crm.appointment(request.jobAppointmentId());
		if (appointment.isEmpty()) {
			errors.put("jobAppointmentId",
					List.of("Appointment with id %d was not found.".formatted(request.jobAppointmentId())));
		}
		var unknown = request.technicianIds().stream()
			.filter(id -> crew.technician(id).filter(technician -> technician.active() || !assigning).isEmpty())
			.toList();
		if (!unknown.isEmpty()) {
			errors.put("technicianIds", List.of("No %stechnician with id %s was found."
				.formatted(assigning ? "active " : "", unknown.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
					.orElseThrow())));
		}
		if (!errors.isEmpty()) {
			throw ApiException.badRequest(errors);
		}
		return appointment.orElseThrow();
	}
}
