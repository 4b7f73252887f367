package io.lazi.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_STAGE_MOVED} on {@link Topics#CRM_STAGE_MOVED}: an opportunity
 * entered a stage. Key {@code {tenantId}:{opportunityId}}. Reaches browsers as {@code crm:stage-moved}.
 *
 * @param fromPipeline {@code null} when the opportunity was just created
 * @param reason the rule or user that moved it, e.g. {@code estimate-sold}, {@code manual}
 * @param status {@code open}, {@code won} or {@code lost}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityStageMoved(String tenantId, UUID opportunityId, @Nullable String fromPipeline,
		@Nullable String fromStage, String toPipeline, String toStage, String status, String reason,
		@Nullable BigDecimal monetaryValue, @Nullable Long stCustomerId, @Nullable Long stJobId,
		@Nullable Long stEstimateId, Instant movedAt) implements TenantPayload {
}
