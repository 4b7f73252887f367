package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#SYNC_STARTED} on {@link Topics#SYNC_EVENTS}.
 *
 * @param resource what is synced, e.g. {@code pricebook.categories}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncStarted(String tenantId, UUID syncRunId, String resource, SyncType syncType, Instant startedAt)
		implements TenantPayload {
}
