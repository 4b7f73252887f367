package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A technician assigned to an appointment ({@code GET /dispatch/v2/tenant/{tenant}/appointment-assignments},
 * {@code Dispatch.V2.AppointmentAssignmentResponse}). Unassigning deactivates it ({@code active false}).
 *
 * @param status ServiceTitan's assignment status, e.g. {@code Scheduled}, {@code Dispatched}, {@code Working}, {@code Done}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StAppointmentAssignment(long id, long technicianId, @Nullable String technicianName,
		@Nullable Long assignedById, @Nullable Instant assignedOn, @Nullable String status, long jobId,
		long appointmentId, boolean active, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {
}
