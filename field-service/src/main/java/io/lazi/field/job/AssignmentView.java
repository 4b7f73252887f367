package io.lazi.field.job;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.lazi.field.record.Stored;
import io.lazi.platform.events.StAppointmentAssignment;

/** A technician assigned to an appointment ({@code active false} once unassigned). */
public record AssignmentView(long id, String source, long appointmentId, long technicianId,
		@Nullable String technicianName, @Nullable String status, boolean active, @Nullable Instant assignedOn) {

	static AssignmentView of(Stored<StAppointmentAssignment> stored) {
		var a = stored.record();
		return new AssignmentView(a.id(), stored.source().wire(), a.appointmentId(), a.technicianId(), a.technicianName(),
				a.status(), a.active(), a.assignedOn());
	}
}
