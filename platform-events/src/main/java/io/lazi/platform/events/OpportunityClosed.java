package io.lazi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_OPPORTUNITY_WON} and {@link Events#CRM_OPPORTUNITY_LOST} on
 * {@link Topics#CRM_OPPORTUNITIES}: an opportunity's status became won or lost, through the pipeline rules or a
 * user; published once per change. Key {@code {tenantId}:{opportunityId}}. Browsers receive them as
 * {@code crm:opportunity-won} and {@code crm:opportunity-lost}.
 *
 * @param opportunityId the opportunity
 * @param status {@code won} or {@code lost}, as the event type says
 * @param pipeline the opportunity's pipeline, {@code SALES} or {@code INSTALL}
 * @param stage the stage it closed in, e.g. {@code JOB_SOLD}
 * @param title the opportunity's title
 * @param amount the opportunity's amount, in the tenant's currency
 * @param accountId the CRM account it belongs to
 * @param stCustomerId the ServiceTitan customer, for an opportunity derived from ServiceTitan
 * @param stEstimateId the ServiceTitan estimate, for an opportunity derived from ServiceTitan
 * @param closedBy the {@code sub} of the user who closed it, or {@code pipeline} for the pipeline rules
 * @param closedAt when its status changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityClosed(String tenantId, UUID opportunityId, String status, String pipeline, String stage,
		String title, @Nullable BigDecimal amount, @Nullable UUID accountId, @Nullable Long stCustomerId,
		@Nullable Long stEstimateId, String closedBy, Instant closedAt) implements TenantPayload {
}
