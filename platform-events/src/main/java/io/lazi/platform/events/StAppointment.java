package io.lazi.platform.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan appointment ({@code GET /jpm/v2/tenant/{tenant}/appointments}).
 *
 * @param status {@code Scheduled}, {@code Dispatched}, {@code Working}, {@code Hold}, {@code Done}, {@code Canceled}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StAppointment(long id, long jobId, @Nullable String appointmentNumber, @Nullable Instant start,
		@Nullable Instant end, String status, long customerId, boolean active, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {
}
