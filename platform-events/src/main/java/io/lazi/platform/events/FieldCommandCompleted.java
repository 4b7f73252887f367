package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#FIELD_COMMAND_COMPLETED} on {@link Topics#SYNC_EVENTS}: the outcome of one
 * {@link FieldCommand}, with ServiceTitan's records as they are after it (read back after the write), so that a
 * mirror changes only with ServiceTitan's answer. Key {@code {tenantId}}. A redelivered command re-publishes the
 * same outcome: apply it idempotently by {@code commandId}. Once field-service has applied it, it announces it again
 * as {@link Events#FIELD_COMMAND_APPLIED} on {@link Topics#FIELD_CHANGED} (key {@code {tenantId}:{stId}}), which
 * browsers receive as {@code field:command-completed}: by then reads show the change.
 *
 * @param stId the command's {@code stId} (for a create the provisional id; the new id is {@code customer.id})
 * @param stStatus ServiceTitan's HTTP status of the decisive call; null when none was reached
 * @param error ServiceTitan's error title and field messages, or why the call never succeeded
 * @param customer the customer after a customer write
 * @param job the job after a job write or assignment
 * @param appointment the appointment after a reschedule or confirmation
 * @param assignments the job's appointment assignments after an assignment (active and not)
 * @param estimate the estimate after a sell or dismiss
 * @param stCalls ServiceTitan calls made, retries and reads included (token requests excluded)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldCommandCompleted(UUID commandId, String tenantId, FieldAction action, long stId,
		@Nullable String reference, CommandOutcome outcome, @Nullable Integer stStatus, @Nullable String error,
		@Nullable StCustomer customer, @Nullable StJob job, @Nullable StAppointment appointment,
		@Nullable List<StAppointmentAssignment> assignments, @Nullable StEstimate estimate, int stCalls,
		int rateLimited, long durationMs, Instant completedAt) implements TenantPayload {
}
