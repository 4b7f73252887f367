package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#ST_COMMAND} on {@link Topics#ST_COMMANDS}: one outbound write (or a
 * single-category refresh) for st-ingest to execute against ServiceTitan. Key {@code {tenantId}:{stId}}.
 * st-ingest executes each {@code commandId} at most once to an outcome and answers with
 * {@link StCommandCompleted}; a redelivered command re-announces the recorded outcome instead of
 * calling ServiceTitan again.
 *
 * @param commandId idempotency key chosen by the producer
 * @param pushId the push this command belongs to; {@code null} for a pull
 * @param stId the category's ServiceTitan id; for {@link CommandAction#CREATE_CATEGORY} the producer's
 *        provisional (negative) id, echoed back in the result
 * @param write fields to write; {@code null} for delete and pull
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StCommand(UUID commandId, String tenantId, @Nullable UUID pushId, CommandAction action, long stId,
		@Nullable CategoryWrite write, Instant issuedAt) implements TenantPayload {
}
