package io.lazi.stsimulator.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Jpm.V2.AppointmentResponse}.
 *
 * @param status {@code Scheduled}, {@code Dispatched}, {@code Working}, {@code Hold}, {@code Done} or {@code Canceled}
 */
public record Appointment(long id, long jobId, String appointmentNumber, Instant start, Instant end,
		@Nullable Instant arrivalWindowStart, @Nullable Instant arrivalWindowEnd, String status,
		@Nullable String specialInstructions, Instant createdOn, Instant modifiedOn, long customerId, boolean unused,
		long createdById, boolean isConfirmed, boolean active) implements CrmRecord {

	/** A scheduled, active appointment of two hours. */
	public static Appointment scheduled(long id, Job job, Instant start, Instant createdOn) {
		return new Appointment(id, job.id(), job.jobNumber() + "-" + (job.appointmentCount() + 1), start,
				start.plusSeconds(7200), null, null, "Scheduled", null, createdOn, createdOn, job.customerId(), false, 1L,
				true, true);
	}

	/** @return whether the appointment is over: {@code Done} or {@code Canceled} */
	public boolean closed() {
		return "Done".equals(status) || "Canceled".equals(status);
	}

	/** This appointment canceled at {@code now}. */
	public Appointment canceled(Instant now) {
		return withStatus("Canceled", now);
	}

	/** This appointment in {@code newStatus} at {@code now}. */
	public Appointment withStatus(String newStatus, Instant now) {
		return new Appointment(id, jobId, appointmentNumber, start, end, arrivalWindowStart, arrivalWindowEnd, newStatus,
				specialInstructions, createdOn, now, customerId, unused, createdById, isConfirmed, active);
	}

	/**
	 * This appointment moved at {@code now}; the customer has not confirmed the new time yet.
	 *
	 * @param windowStart the arrival window's new start, null for none
	 * @param windowEnd the arrival window's new end, null for none
	 */
	public Appointment rescheduled(Instant newStart, Instant newEnd, @Nullable Instant windowStart,
			@Nullable Instant windowEnd, Instant now) {
		return new Appointment(id, jobId, appointmentNumber, newStart, newEnd, windowStart, windowEnd, status,
				specialInstructions, createdOn, now, customerId, unused, createdById, false, active);
	}

	/** This appointment confirmed by the customer at {@code now}. */
	public Appointment confirmed(Instant now) {
		return new Appointment(id, jobId, appointmentNumber, start, end, arrivalWindowStart, arrivalWindowEnd, status,
				specialInstructions, createdOn, now, customerId, unused, createdById, true, active);
	}
}
