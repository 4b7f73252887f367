package io.lazi.stsimulator.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a job's history ({@code Jpm.Jobs.JobHistoryItemModel}) with the job it belongs to. A job's
 * "Job Booked" entry is derived from the job itself ({@link TenantCrm#historyOf}); the entries stored are the
 * status changes made afterwards.
 *
 * @param employeeId who made the change, null for a change made through the API
 * @param usedSchedulingTool {@code Manual}, {@code SmartSchedule}, {@code SmartDispatch}, … ({@code Jpm.Jobs.JobSchedulingTool})
 * @param memo why, as the user typed it; empty when none
 */
public record JobHistoryEntry(long id, long jobId, @Nullable Long employeeId, String eventType, Instant date,
		String usedSchedulingTool, String memo) {

	/** The event ServiceTitan logs when a job is booked. */
	public static final String BOOKED = "Job Booked";

	/** The entry logged for a status change of a job. */
	public static JobHistoryEntry statusChange(long id, long jobId, @Nullable Long employeeId, String status, String memo,
			Instant at) {
		return new JobHistoryEntry(id, jobId, employeeId, eventFor(status), at, "Manual", memo);
	}

	/** The "Job Booked" entry of a job: it carries the job's own id, which no stored entry has. */
	public static JobHistoryEntry booked(Job job) {
		return new JobHistoryEntry(job.id(), job.id(), job.createdById(), BOOKED, job.createdOn(), "Manual", "");
	}

	private static String eventFor(String status) {
		return switch (status) {
			case "Canceled" -> "Job Canceled";
			case "Hold" -> "Job Placed On Hold";
			case "Completed" -> "Job Completed";
			case "Dispatched" -> "Technician Dispatched";
			case "Working", "InProgress" -> "Technician Working";
			default -> "Job " + status;
		};
	}
}
