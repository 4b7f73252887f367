package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_OPPORTUNITY_OUTCOME_MARKED} on {@link Topics#CRM_OPPORTUNITIES}: a user marked an
 * opportunity won or lost in Lazi. Key {@code {tenantId}:{opportunityId}}. field-service writes it back through the
 * provider of the tenant's estimates domain (sell or dismiss the ServiceTitan estimate); the opportunity's stage
 * follows when the pipeline rules read the estimate back, so the two never fight.
 *
 * @param outcome {@code won} or {@code lost}
 * @param stEstimateId the ServiceTitan estimate to sell or dismiss
 * @param markedBy the {@code sub} of the user who marked it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityOutcomeMarked(String tenantId, UUID opportunityId, String outcome, long stEstimateId,
		@Nullable Long stJobId, @Nullable Long stCustomerId, String markedBy, Instant markedAt) implements TenantPayload {
}
