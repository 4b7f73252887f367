package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A technician's shift ({@code GET /dispatch/v2/tenant/{tenant}/technician-shifts},
 * {@code Dispatch.V2.TechnicianShiftResponse}): when the technician is available to be dispatched.
 *
 * @param shiftType {@code Normal}, {@code OnCall} or {@code TimeOff}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StTechnicianShift(long id, @Nullable String shiftType, @Nullable String title, @Nullable String note,
		boolean active, long technicianId, Instant start, Instant end, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {
}
