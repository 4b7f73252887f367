package io.lazi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_LEAD_CREATED} on {@link Topics#CRM_LEADS}: a lead was created, by a user or on the
 * first sight of a ServiceTitan lead. Key {@code {tenantId}:{leadId}}. Browsers receive it as
 * {@code crm:lead-created}.
 *
 * @param leadId the lead's id
 * @param name the lead's name
 * @param company the company the lead works for, if any
 * @param email the lead's e-mail address
 * @param phone the lead's phone number
 * @param source where the lead came from: {@code website}, {@code referral}, {@code phone}, {@code social},
 *        {@code email}, {@code event} or {@code other}
 * @param status the lead's status: {@code new}, {@code contacted}, {@code qualified}, {@code unqualified} or
 *        {@code converted}
 * @param estimatedValue the value the lead may bring, in the tenant's currency ({@code >= 0})
 * @param ownerId the {@code sub} of the user who owns the lead
 * @param stLeadId the ServiceTitan lead it mirrors, for a lead from ServiceTitan
 * @param createdBy the {@code sub} of the user who created it, or {@code servicetitan}
 * @param createdAt when it was created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadCreated(String tenantId, UUID leadId, String name, @Nullable String company, @Nullable String email,
		@Nullable String phone, String source, String status, @Nullable BigDecimal estimatedValue,
		@Nullable String ownerId, @Nullable Long stLeadId, String createdBy, Instant createdAt)
		implements TenantPayload {
}
