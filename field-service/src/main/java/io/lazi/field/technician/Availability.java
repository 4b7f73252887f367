package io.lazi.field.technician;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * When a technician can take work between {@code from} and {@code to}: their working shifts ({@code Normal},
 * {@code OnCall}) minus time off minus the appointments actively assigned to them.
 *
 * @param free the free intervals, by start, clipped to {@code from}..{@code to}
 * @param busy the assigned appointments that overlap the range
 * @param timeOff the {@code TimeOff} shifts that overlap the range
 * @param freeMinutes the length of {@code free}, in minutes
 */
public record Availability(long technicianId, Instant from, Instant to, List<Interval> free, List<Busy> busy,
		List<Interval> timeOff, long freeMinutes) {

	/** A half-open interval {@code start}..{@code end}. */
	public record Interval(Instant start, Instant end) {
	}

	/** An appointment the technician is assigned to. */
	public record Busy(Instant start, Instant end, long jobId, long appointmentId, @Nullable String appointmentNumber) {
	}
}
