package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#FIELD_ESTIMATE_WRITTEN_BACK} on {@link Topics#FIELD_CHANGED}: where the write-back of an
 * opportunity marked won or lost stands. Key {@code {tenantId}:{opportunityId}}. Browsers receive it as
 * {@code crm:write-back}.
 *
 * @param outcome {@code won} (sell the estimate) or {@code lost} (dismiss it)
 * @param provider the tenant's estimates provider that took it: {@code servicetitan}, {@code lazi} or {@code hybrid}
 * @param status {@code sent} (a command is on its way to ServiceTitan), {@code succeeded}, {@code failed}, or
 *        {@code kept} (the estimate is Lazi's own: nothing was sent)
 * @param commandId the command that carries it to ServiceTitan, when one does
 * @param error ServiceTitan's error, for {@code failed}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EstimateWrittenBack(String tenantId, UUID opportunityId, long stEstimateId, String outcome,
		String provider, String status, @Nullable UUID commandId, @Nullable String error, Instant at)
		implements TenantPayload {
}
