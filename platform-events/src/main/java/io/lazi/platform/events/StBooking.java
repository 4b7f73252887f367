package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan booking ({@code GET /crm/v2/tenant/{tenant}/bookings}, {@code Crm.V2.BookingResponse}): a job
 * request from a booking provider, before (or after) the office turns it into a job.
 *
 * @param status {@code PendingProcess}, {@code Converted} or {@code Dismissed}
 * @param jobId the job it became, once converted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StBooking(long id, @Nullable String source, String name, @Nullable StAddress address,
		@Nullable Instant start, String status, @Nullable Long jobId, @Nullable Long businessUnitId,
		@Nullable String summary, @Nullable String externalId, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {
}
