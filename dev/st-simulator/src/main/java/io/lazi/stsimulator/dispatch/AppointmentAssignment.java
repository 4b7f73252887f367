package io.lazi.stsimulator.dispatch;

import java.time.Instant;

/**
 * ServiceTitan's {@code Dispatch.V2.AppointmentAssignmentResponse}: a technician assigned to a job appointment.
 * Unassigning deactivates it; assigning the technician again reactivates it.
 *
 * @param status {@code Scheduled}, {@code Dispatched}, {@code Working} or {@code Done}
 */
public record AppointmentAssignment(long id, long technicianId, String technicianName, long assignedById,
		Instant assignedOn, String status, boolean isPaused, long jobId, long appointmentId, Instant createdOn,
		Instant modifiedOn, boolean active) implements CrewRecord {

	/** This assignment active again, assigned anew at {@code now}. */
	public AppointmentAssignment reactivated(String newStatus, Instant now) {
		return new AppointmentAssignment(id, technicianId, technicianName, 1L, now, newStatus, isPaused, jobId,
				appointmentId, createdOn, now, true);
	}

	/** This assignment inactive from {@code now}. */
	public AppointmentAssignment deactivated(Instant now) {
		return new AppointmentAssignment(id, technicianId, technicianName, assignedById, assignedOn, status, isPaused, jobId,
				appointmentId, createdOn, now, false);
	}

	/**
	 * @param appointmentStatus a {@code Jpm.V2.AppointmentResponse} status
	 * @return the assignment status it stands for (an appointment on hold keeps its technicians scheduled)
	 */
	public static String statusFor(String appointmentStatus) {
		return switch (appointmentStatus) {
			case "Dispatched", "Working", "Done" -> appointmentStatus;
			default -> "Scheduled";
		};
	}
}
