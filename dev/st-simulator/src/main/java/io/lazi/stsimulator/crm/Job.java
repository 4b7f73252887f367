package io.lazi.stsimulator.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Jpm.V2.JobResponse} (jobs have no active flag; they count as active).
 *
 * @param jobStatus {@code Scheduled}, {@code Dispatched}, {@code InProgress}, {@code Working}, {@code Hold},
 *        {@code Completed} or {@code Canceled}
 * @param priority {@code Low}, {@code Normal}, {@code High} or {@code Urgent}
 * @param jobGeneratedLeadSource left out when null, as the other nullable {@code oneOf} wrappers of the specs
 *        (a null does not validate against them)
 */
public record Job(long id, String jobNumber, long customerId, long locationId, String jobStatus,
		@Nullable Instant completedOn, long businessUnitId, long jobTypeId, String priority, long campaignId,
		long appointmentCount, long firstAppointmentId, long lastAppointmentId,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LeadSource jobGeneratedLeadSource, boolean noCharge, boolean notificationsEnabled, Instant createdOn,
		long createdById, Instant modifiedOn, List<Long> tagTypeIds, @Nullable Long soldById, String customerPo,
		long invoiceId, @Nullable BigDecimal total, List<Long> estimateIds, @Nullable String summary,
		List<CustomField> customFields, List<ExternalData> externalData) implements CrmRecord {

	/** {@code Jpm.V2.Base.JobGeneratedLeadSource}: the job and employee a technician-generated lead came from. */
	public record LeadSource(@Nullable Long jobId, @Nullable Long employeeId) {
	}

	/** A job without appointments or estimates. */
	public static Job of(long id, long customerId, long locationId, long businessUnitId, String jobStatus,
			Instant createdOn, Instant modifiedOn, String summary) {
		return new Job(id, Long.toString(id), customerId, locationId, jobStatus,
				"Completed".equals(jobStatus) ? modifiedOn : null, businessUnitId, 9001L, "Normal", 9101L, 0, 0, 0, null,
				false, true, createdOn, 1L, modifiedOn, List.of(), null, "", 0L, null, List.of(), summary, List.of(),
				List.of());
	}

	@Override
	public boolean active() {
		return true;
	}

	/** @return whether the job is over: {@code Completed} or {@code Canceled} */
	public boolean closed() {
		return "Completed".equals(jobStatus) || "Canceled".equals(jobStatus);
	}

	/** This job with one more appointment, modified at {@code now}. */
	public Job withAppointment(long appointmentId, Instant now) {
		return new Job(id, jobNumber, customerId, locationId, jobStatus, completedOn, businessUnitId, jobTypeId, priority,
				campaignId, appointmentCount + 1, appointmentCount == 0 ? appointmentId : firstAppointmentId,
				appointmentId, jobGeneratedLeadSource, noCharge, notificationsEnabled, createdOn, createdById, now,
				tagTypeIds, soldById, customerPo, invoiceId, total, estimateIds, summary, customFields, externalData);
	}

	/** This job with one more estimate, modified at {@code now}. */
	public Job withEstimate(long estimateId, Instant now) {

		var ids = new ArrayList<>(estimateIds);
		ids.add(estimateId);
		return new Job(id, jobNumber, customerId, locationId, jobStatus, completedOn, businessUnitId, jobTypeId, priority,
				campaignId, appointmentCount, firstAppointmentId, lastAppointmentId, jobGeneratedLeadSource, noCharge,
				notificationsEnabled, createdOn, createdById, now, tagTypeIds, soldById, customerPo, invoiceId, total,
				List.copyOf(ids), summary, customFields, externalData);
	}

	/** This job in {@code status}, modified at {@code now}; {@code Completed} sets {@code completedOn} to now. */
	public Job withStatus(String status, Instant now) {
		return withStatus(status, "Completed".equals(status) ? now : null, now);
	}

	/** This job in {@code status} with {@code completed} as {@code completedOn}, modified at {@code now}. */
	public Job withStatus(String status, @Nullable Instant completed, Instant now) {
		return new Job(id, jobNumber, customerId, locationId, status, completed, businessUnitId, jobTypeId, priority,
				campaignId, appointmentCount, firstAppointmentId, lastAppointmentId, jobGeneratedLeadSource, noCharge,
				notificationsEnabled, createdOn, createdById, now, tagTypeIds, soldById, customerPo, invoiceId, total,
				estimateIds, summary, customFields, externalData);
	}

	/** This job with the supplied fields of {@code changes}, modified at {@code now}. */
	public Job changed(JobChanges changes, Instant now) {
		return new Job(id, jobNumber, pick(changes.customerId(), customerId), pick(changes.locationId(), locationId),
				jobStatus, completedOn, pick(changes.businessUnitId(), businessUnitId), pick(changes.jobTypeId(), jobTypeId),
				pick(changes.priority(), priority), pick(changes.campaignId(), campaignId), appointmentCount,
				firstAppointmentId, lastAppointmentId,
				changes.leadSourceSupplied() ? changes.jobGeneratedLeadSource() : jobGeneratedLeadSource, noCharge,
				notificationsEnabled, createdOn, createdById, now, pick(changes.tagTypeIds(), tagTypeIds),
				changes.soldByIdSupplied() ? changes.soldById() : soldById, pick(changes.customerPo(), customerPo),
				invoiceId, total, estimateIds, changes.summary() != null ? changes.summary() : summary,
				pick(changes.customFields(), customFields),
				changes.externalData() == null ? externalData : changes.externalData().applyTo(externalData));
	}

	private static <T> T pick(@Nullable T supplied, T current) {
		return supplied != null ? supplied : current;
	}
}
