package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#FIELD_JOB_UPDATED}, {@link Events#FIELD_JOB_STATUS_CHANGED} and
 * {@link Events#FIELD_JOB_ASSIGNED} on {@link Topics#FIELD_CHANGED}: a job as field-service serves it after a
 * change. Key {@code {tenantId}:{jobId}}. Browsers receive them as {@code jobs:updated}, {@code jobs:status-changed}
 * and {@code jobs:assigned}.
 *
 * @param source {@code servicetitan} (the mirror) or {@code lazi} (a Lazi-owned record)
 * @param jobStatus ServiceTitan's job status, e.g. {@code Scheduled}, {@code Dispatched}, {@code Hold},
 *        {@code Completed}, {@code Canceled}
 * @param previousStatus the status before, for a status change; else null
 * @param technicianIds the technicians actively assigned to the job's appointments, ascending
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobChanged(String tenantId, long jobId, String source, long customerId, @Nullable Long locationId,
		String jobStatus, @Nullable String previousStatus, List<Long> technicianIds, @Nullable Long businessUnitId,
		@Nullable String summary, @Nullable Instant modifiedOn, Instant changedAt) implements TenantPayload {
}
