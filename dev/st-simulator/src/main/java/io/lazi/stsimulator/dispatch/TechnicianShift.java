package io.lazi.stsimulator.dispatch;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Dispatch.V2.TechnicianShiftResponse}: when a technician can be dispatched.
 *
 * @param shiftType {@code Normal}, {@code OnCall} or {@code TimeOff}
 */
public record TechnicianShift(long id, String shiftType, String title, @Nullable String note, boolean active,
		long technicianId, Instant start, Instant end, @Nullable Long timesheetCodeId, Instant createdOn,
		Instant modifiedOn) implements CrewRecord {
}
