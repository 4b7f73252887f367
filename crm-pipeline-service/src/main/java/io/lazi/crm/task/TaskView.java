package io.lazi.crm.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.crm.jooq.tables.records.TaskRecord;

/**
 * A task as the API shows it.
 *
 * @param type {@code call}, {@code email}, {@code meeting}, {@code follow_up} or {@code to_do}
 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}
 * @param timeZone IANA zone id of the due time
 * @param assigneeId the assigned user's {@code sub}, or null
 * @param status {@code open} or {@code completed}
 * @param overdue open and due before now
 * @param version the optimistic lock, also the {@code ETag}
 * @param createdBy the user who created it
 */
public record TaskView(UUID id, String title, @Nullable String description, String type, String priority,
		@Nullable Instant dueAt, String timeZone, @Nullable String assigneeId, @Nullable String relatedType,
		@Nullable UUID relatedId, String status, @Nullable Instant completedAt, @Nullable String completedBy,
		boolean overdue, int version, String createdBy, Instant createdAt, Instant updatedAt) {

	static TaskView of(TaskRecord r, Instant now) {

		var dueAt = instant(r.getDueAt());
		return new TaskView(r.getId(), r.getTitle(), r.getDescription(), r.getType(), r.getPriority(), dueAt,
				r.getTimeZone(), r.getAssigneeId(), r.getRelatedType(), r.getRelatedId(), r.getStatus(),
				instant(r.getCompletedAt()), r.getCompletedBy(),
				Tasks.OPEN.equals(r.getStatus()) && dueAt != null && dueAt.isBefore(now), r.getVersion(),
				r.getCreatedBy(), r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant());
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}
}
