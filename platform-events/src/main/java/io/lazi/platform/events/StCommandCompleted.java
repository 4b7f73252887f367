package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#ST_COMMAND_COMPLETED} on {@link Topics#SYNC_EVENTS}: the outcome of one
 * {@link StCommand}, published by st-ingest in the same transaction that records it. A redelivered
 * command re-publishes the same outcome, so consumers must apply it idempotently by {@code commandId}.
 *
 * @param stId the command's {@code stId} (for a create: the provisional id)
 * @param stStatus ServiceTitan's HTTP status of the decisive call; {@code null} when none was reached
 * @param error ServiceTitan's error title and field messages, or why the call never succeeded
 * @param category ServiceTitan's category after the write (PATCH/POST answer, or the pulled one with its
 *        subcategories); {@code null} for a delete or a failure. For a create its {@code id} is the new id.
 * @param imagePath the storage path ServiceTitan gave an uploaded image, when one was uploaded
 * @param stCalls ServiceTitan calls made for this command, retries included (token requests excluded)
 * @param rateLimited 429 answers received while executing it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StCommandCompleted(UUID commandId, String tenantId, @Nullable UUID pushId, CommandAction action,
		long stId, CommandOutcome outcome, @Nullable Integer stStatus, @Nullable String error,
		@Nullable StCategory category, @Nullable String imagePath, int stCalls, int rateLimited, long durationMs,
		Instant completedAt) implements TenantPayload {
}
