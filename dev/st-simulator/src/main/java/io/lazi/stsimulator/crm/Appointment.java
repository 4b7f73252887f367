package io.lazi.stsimulator.crm;

import java.time.Instant;

/**
 * ServiceTitan's {@code Jpm.V2.AppointmentResponse}.
 *
 * @param status {@code Scheduled}, {@code Dispatched}, {@code Working}, {@code Hold}, {@code Done} or {@code Canceled}
 */
public record Appointment(long id, long jobId, String appointmentNumber, Instant start, Instant end, String status,
		Instant createdOn, Instant modifiedOn, long customerId, boolean unused, long createdById, boolean isConfirmed,
		boolean active) implements CrmRecord {

	/** A scheduled, active appointment of two hours. */
	public static Appointment scheduled(long id, Job job, Instant start, Instant createdOn) {
		return new Appointment(id, job.id(), job.jobNumber() + "-" + (job.appointmentCount() + 1), start,
				start.plusSeconds(7200), "Scheduled", createdOn, createdOn, job.customerId(), false, 1L, true, true);
	}

	/** This appointment canceled at {@code now}. */
	public Appointment canceled(Instant now) {
		return new Appointment(id, jobId, appointmentNumber, start, end, "Canceled", createdOn, now, customerId, unused,
				createdById, isConfirmed, active);
	}
}
