package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#SYNC_FAILED} on {@link Topics#SYNC_EVENTS}.
 *
 * @param error a one-line, secret-free description of what failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncFailed(String tenantId, UUID syncRunId, String resource, SyncType syncType, Instant startedAt,
		Instant finishedAt, long durationMs, int stCalls, int rateLimited, String error) implements TenantPayload {
}
