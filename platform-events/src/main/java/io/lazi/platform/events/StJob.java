package io.lazi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan job ({@code GET /jpm/v2/tenant/{tenant}/jobs}, {@code Jpm.V2.JobResponse}).
 *
 * @param jobStatus {@code Scheduled}, {@code Dispatched}, {@code InProgress}, {@code Working}, {@code Hold},
 *        {@code Completed}, {@code Canceled} (free string in ServiceTitan's spec)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StJob(long id, @Nullable String jobNumber, long customerId, @Nullable Long locationId, String jobStatus,
		@Nullable Instant completedOn, long businessUnitId, @Nullable Long jobTypeId, @Nullable Integer appointmentCount,
		@Nullable Long firstAppointmentId, @Nullable BigDecimal total, @Nullable List<Long> estimateIds,
		@Nullable String summary, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {
}
