package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_LEAD_CONVERTED} on {@link Topics#CRM_LEADS}: a lead was converted into an account,
 * a contact and an opportunity, in one transaction. Key {@code {tenantId}:{leadId}}. Browsers receive it as
 * {@code crm:lead-converted}.
 *
 * @param leadId the converted lead
 * @param accountId the account the lead became, or was linked to
 * @param contactId the contact the lead became, or was linked to
 * @param opportunityId the opportunity opened for it
 * @param pipeline the opportunity's pipeline, {@code SALES} or {@code INSTALL}
 * @param accountCreated whether the conversion created the account ({@code false}: an existing one was linked)
 * @param contactCreated whether the conversion created the contact ({@code false}: an existing one was linked)
 * @param convertedBy the {@code sub} of the user who converted it
 * @param convertedAt when it was converted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadConverted(String tenantId, UUID leadId, UUID accountId, UUID contactId, UUID opportunityId,
		String pipeline, boolean accountCreated, boolean contactCreated, String convertedBy, Instant convertedAt)
		implements TenantPayload {
}
