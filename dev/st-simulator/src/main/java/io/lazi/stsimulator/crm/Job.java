package io.lazi.stsimulator.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Jpm.V2.JobResponse} (jobs have no active flag; they count as active).
 *
 * @param jobStatus {@code Scheduled}, {@code Dispatched}, {@code InProgress}, {@code Working}, {@code Hold},
 *        {@code Completed} or {@code Canceled}
 */
public record Job(long id, String jobNumber, long customerId, long locationId, String jobStatus,
		@Nullable Instant completedOn, long businessUnitId, long jobTypeId, String priority, long campaignId,
		long appointmentCount, long firstAppointmentId, long lastAppointmentId, boolean noCharge,
		boolean notificationsEnabled, Instant createdOn, long createdById, Instant modifiedOn, List<Long> tagTypeIds,
		String customerPo, long invoiceId, @Nullable BigDecimal total, List<Long> estimateIds, @Nullable String summary,
		List<Object> customFields, List<Object> externalData) implements CrmRecord {

	/** A job without appointments or estimates. */
	public static Job of(long id, long customerId, long locationId, long businessUnitId, String jobStatus,
			Instant createdOn, Instant modifiedOn, String summary) {
		return new Job(id, Long.toString(id), customerId, locationId, jobStatus,
				"Completed".equals(jobStatus) ? modifiedOn : null, businessUnitId, 9001L, "Normal", 9101L, 0, 0, 0,
				false, true, createdOn, 1L, modifiedOn, List.of(), "", 0L, null, List.of(), summary, List.of(),
				List.of());
	}

	@Override
	public boolean active() {
		return true;
	}

	/** This job with one more appointment, modified at {@code now}. */
	public Job withAppointment(long appointmentId, Instant now) {
		return new Job(id, jobNumber, customerId, locationId, jobStatus, completedOn, businessUnitId, jobTypeId, priority,
				campaignId, appointmentCount + 1, appointmentCount == 0 ? appointmentId : firstAppointmentId,
				appointmentId, noCharge, notificationsEnabled, createdOn, createdById, now, tagTypeIds, customerPo,
				invoiceId, total, estimateIds, summary, customFields, externalData);
	}

	/** This job with one more estimate, modified at {@code now}. */
	public Job withEstimate(long estimateId, Instant now) {

		var ids = new ArrayList<>(estimateIds);
		ids.add(estimateId);
		return new Job(id, jobNumber, customerId, locationId, jobStatus, completedOn, businessUnitId, jobTypeId, priority,
				campaignId, appointmentCount, firstAppointmentId, lastAppointmentId, noCharge, notificationsEnabled,
				createdOn, createdById, now, tagTypeIds, customerPo, invoiceId, total, List.copyOf(ids), summary,
				customFields, externalData);
	}

	/** This job in {@code status}, modified at {@code now}; {@code Completed} sets {@code completedOn}. */
	public Job withStatus(String status, Instant now) {
		return new Job(id, jobNumber, customerId, locationId, status, "Completed".equals(status) ? now : null,
				businessUnitId, jobTypeId, priority, campaignId, appointmentCount, firstAppointmentId, lastAppointmentId,
				noCharge, notificationsEnabled, createdOn, createdById, now, tagTypeIds, customerPo, invoiceId, total,
				estimateIds, summary, customFields, externalData);
	}
}
