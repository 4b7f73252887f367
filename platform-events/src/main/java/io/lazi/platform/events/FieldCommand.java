package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#FIELD_COMMAND} on {@link Topics#ST_COMMANDS}: one write to ServiceTitan's customers,
 * jobs, appointments or estimates, asked by field-service. Key {@code {tenantId}:{stId}}. st-ingest executes each
 * {@code commandId} at most once to an outcome (a lost answer is reconciled by reading ServiceTitan, never by
 * writing twice) and answers with {@link FieldCommandCompleted}.
 *
 * @param commandId idempotency key chosen by the producer; the id the API's 202 answer gave the caller
 * @param stId the ServiceTitan id of the customer, job, appointment or estimate {@code action} names; for
 *        {@link FieldAction#CREATE_CUSTOMER} a provisional negative id, echoed back
 * @param reference what in Lazi asked for it, echoed back, e.g. {@code opportunity:<uuid>}; null for an API call
 * @param requestedBy the {@code sub} of the user whose request it is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldCommand(UUID commandId, String tenantId, FieldAction action, long stId, FieldWrite write,
		@Nullable String reference, @Nullable String requestedBy, Instant issuedAt) implements TenantPayload {
}
