package io.lazi.stsimulator.crm;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Crm.V2.LeadResponse}: a request for work taken by the office, with or without a customer
 * record yet (leads have no active flag; they count as active).
 *
 * @param status {@code Open}, {@code Dismissed} or {@code Converted}
 * @param priority {@code Low}, {@code Normal}, {@code High} or {@code Urgent}
 */
public record Lead(long id, String status, String priority, @Nullable Long customerId, @Nullable Long locationId,
		@Nullable Long businessUnitId, @Nullable Long jobTypeId, long campaignId, @Nullable Instant followUpDate,
		long createdById, Instant createdOn, Instant modifiedOn, List<Long> tagTypeIds, @Nullable Long dismissingReasonId,
		@Nullable String summary, @Nullable Long callReasonId, @Nullable Long callId, @Nullable Long bookingId,
		@Nullable Long manualCallId, @Nullable String leadUrl, @Nullable String leadCustomerName,
		@Nullable String leadPhone, @Nullable String leadEmail, @Nullable String leadStreet, @Nullable String leadUnit,
		@Nullable String leadCity, @Nullable String leadState, @Nullable String leadZip, @Nullable String leadCountry,
		@Nullable String captureSource) implements CrmRecord {

	@Override
	public boolean active() {
		return true;
	}
}
