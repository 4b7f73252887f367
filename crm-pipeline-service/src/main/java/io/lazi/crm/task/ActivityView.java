package io.lazi.crm.task;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.crm.jooq.tables.records.ActivityRecord;

/**
 * An activity as the API shows it.
 *
 * @param type {@code call}, {@code email}, {@code meeting} or {@code note}
 * @param durationMinutes minutes
 * @param authorId the user who logged it
 * @param version the optimistic lock, also the {@code ETag}
 */
public record ActivityView(UUID id, String type, @Nullable String subject, @Nullable String body,
		@Nullable Integer durationMinutes, @Nullable String outcome, Instant occurredAt, String relatedType,
		UUID relatedId, @Nullable String externalMessageId, String authorId, int version, Instant createdAt,
		Instant updatedAt) {

	static ActivityView of(ActivityRecord r) {
		return new ActivityView(r.getId(), r.getType(), r.getSubject(), r.getBody(), r.getDurationMinutes(),
				r.getOutcome(), r.getOccurredAt().toInstant(), r.getRelatedType(), r.getRelatedId(),
				r.getExternalMessageId(), r.getAuthorId(), r.getVersion(), r.getCreatedAt().toInstant(),
				r.getUpdatedAt().toInstant());
	}
}
