package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan lead ({@code GET /crm/v2/tenant/{tenant}/leads}, {@code Crm.V2.LeadResponse}); the fields
 * Lazi reads, names as ServiceTitan's.
 *
 * @param status {@code Open}, {@code Dismissed} or {@code Converted}
 * @param priority {@code Low}, {@code Normal}, {@code High} or {@code Urgent}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StLead(long id, String status, @Nullable String priority, @Nullable Long customerId,
		@Nullable Long locationId, @Nullable Long businessUnitId, @Nullable Long jobTypeId, @Nullable Long campaignId,
		@Nullable String summary, @Nullable Long bookingId, @Nullable String leadCustomerName, @Nullable String leadPhone,
		@Nullable String leadEmail, @Nullable Instant followUpDate, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {
}
