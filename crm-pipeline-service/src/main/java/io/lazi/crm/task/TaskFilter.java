package io.lazi.crm.task;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a task listing keeps; every null field keeps all.
 *
 * @param assigneeId the assignee's {@code sub}, or {@code me} for the caller
 * @param status {@code open} or {@code completed}
 * @param overdue true: open and due before now; false: the others
 * @param relatedType with {@code relatedId}: the tasks about that record
 * @param dueBefore due strictly before this instant
 * @param dueAfter due at or after this instant
 * @param sort {@code dueAt}, {@code createdAt}, {@code updatedAt}, {@code title} or {@code priority}, optionally
 *        {@code ,asc} (default) or {@code ,desc}; by default {@code dueAt} ascending, tasks without one last
 */
public record TaskFilter(@Nullable String assigneeId, @Nullable String status, @Nullable Boolean overdue,
		@Nullable String relatedType, @Nullable UUID relatedId, @Nullable Instant dueBefore, @Nullable Instant dueAfter,
		@Nullable String sort) {
}
