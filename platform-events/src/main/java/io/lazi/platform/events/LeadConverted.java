package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_LEAD_CONVERTED} on {@link Topics#CRM_LEADS}: a lead was converted into an account,
 * a contact and an opportunity, in one transaction. Key {@code {tenantId}:{leadId}}. Browsers receive it as
 * {@code crm:lead-converted}. field-service creates the customer in ServiceTitan from the customer fields where the
 * tenant's customers provider is {@code servicetitan}; they are null where the lead had none (and in events of
 * producers older than them).
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
 * @param customerName the account's name: the lead's company, else the lead's name
 * @param email the lead's email address
 * @param phone the lead's phone number
 * @param street the lead's street address
 * @param city the lead's city
 * @param state the lead's state
 * @param zip the lead's ZIP code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadConverted(String tenantId, UUID leadId, UUID accountId, UUID contactId, UUID opportunityId,
		String pipeline, boolean accountCreated, boolean contactCreated, String convertedBy, Instant convertedAt,
		@Nullable String customerName, @Nullable String email, @Nullable String phone, @Nullable String street,
		@Nullable String city, @Nullable String state, @Nullable String zip) implements TenantPayload {

	/** A conversion without the customer fields (as before they were added). */
	public LeadConverted(String tenantId, UUID leadId, UUID accountId, UUID contactId, UUID opportunityId,
			String pipeline, boolean accountCreated, boolean contactCreated, String convertedBy, Instant convertedAt) {
		this(tenantId, leadId, accountId, contactId, opportunityId, pipeline, accountCreated, contactCreated,
				convertedBy, convertedAt, null, null, null, null, null, null, null);
	}
}
