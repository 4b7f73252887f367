package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#PRICEBOOK_CATEGORIES_PUSHED} on {@link Topics#SYNC_EVENTS}: every
 * command of a push has an outcome. Reaches browsers as {@code pricebook:categories:pushed}.
 *
 * @param count commands the push sent
 * @param success commands ServiceTitan accepted; their items are no longer pending
 * @param failed commands that failed; their items stay pending with the error
 * @param durationMs from the push request to the last outcome
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoriesPushed(String tenantId, UUID pushId, int count, int success, int failed, Instant startedAt,
		Instant finishedAt, long durationMs) implements TenantPayload {
}
