package io.lazi.field.command;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A write sent to ServiceTitan and how it ended, as {@code GET /api/v2/commands/{id}} answers it.
 *
 * @param action the {@code FieldAction}, e.g. {@code ASSIGN_TECHNICIANS}
 * @param stId the ServiceTitan id of the record written (negative for a customer not created yet)
 * @param status {@code PENDING} until ServiceTitan answered, then {@code SUCCEEDED}, {@code NOT_FOUND} or {@code FAILED}
 * @param stStatus ServiceTitan's HTTP status of the decisive call
 * @param error ServiceTitan's error, or why no call succeeded
 * @param resultId the id ServiceTitan gave a created record
 */
public record CommandView(UUID commandId, String action, long stId, String status, @Nullable String reference,
		@Nullable String requestedBy, @Nullable Integer stStatus, @Nullable String error, @Nullable Long resultId,
		Instant issuedAt, @Nullable Instant completedAt) {
}
