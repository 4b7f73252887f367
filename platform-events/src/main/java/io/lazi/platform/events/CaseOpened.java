package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_CASE_OPENED} on {@link Topics#CRM_CASES}: a case (service ticket) was created. Key
 * {@code {tenantId}:{caseId}}. Browsers receive it as {@code crm:case-opened}.
 *
 * @param caseId the case
 * @param caseNumber the case's number in the tenant: 1, 2, 3…
 * @param type {@code warranty}, {@code complaint} or {@code question}
 * @param subject the case's subject
 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}
 * @param status {@code new}, {@code open}, {@code pending}, {@code resolved} or {@code closed}
 * @param accountId the account the case is about
 * @param contactId the account's contact who raised it
 * @param slaDueAt when the case must be resolved: opened plus 4 h (urgent), 24 h (high), 72 h (medium) or 168 h
 *        (low)
 * @param openedBy the {@code sub} of the user who opened it
 * @param openedAt when it was opened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(String tenantId, UUID caseId, long caseNumber, String type, String subject, String priority,
		String status, UUID accountId, @Nullable UUID contactId, Instant slaDueAt, String openedBy, Instant openedAt)
		implements TenantPayload {
}
