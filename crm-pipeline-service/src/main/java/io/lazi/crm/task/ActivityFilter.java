package io.lazi.crm.task;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an activity listing keeps; every null field keeps all.
 *
 * @param relatedType with {@code relatedId}: the activities about that record
 * @param type {@code call}, {@code email}, {@code meeting} or {@code note}
 * @param authorId the author's {@code sub}, or {@code me} for the caller
 * @param sort {@code occurredAt} or {@code createdAt}, optionally {@code ,asc} (default) or {@code ,desc}; by default
 *        {@code occurredAt} descending
 */
public record ActivityFilter(@Nullable String relatedType, @Nullable UUID relatedId, @Nullable String type,
		@Nullable String authorId, @Nullable String sort) {
}
