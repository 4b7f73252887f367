package io.lazi.stsimulator.dispatch.web;

import java.time.Instant;

import io.lazi.stsimulator.crm.Appointment;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Dispatch.V2.AppointmentResponse}, the answer of the assign and unassign calls: the
 * appointment's schedule fields only (the jpm shape has more).
 */
record DispatchAppointmentResponse(long id, long jobId, String appointmentNumber, Instant start, Instant end,
		@Nullable Instant arrivalWindowStart, @Nullable Instant arrivalWindowEnd, String status,
		@Nullable String specialInstructions, Instant createdOn, Instant modifiedOn) {

	static DispatchAppointmentResponse of(Appointment appointment) {
		return new DispatchAppointmentResponse(appointment.id(), appointment.jobId(), appointment.appointmentNumber(),
				appointment.start(), appointment.end(), appointment.arrivalWindowStart(), appointment.arrivalWindowEnd(),
				appointment.status(), appointment.specialInstructions(), appointment.createdOn(), appointment.modifiedOn());
	}
}
