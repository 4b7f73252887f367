package io.lazi.crm.task;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a task, as created ({@code POST}) and replaced ({@code PUT}); a null optional field clears
 * it, a null {@code type}, {@code priority} or {@code timeZone} takes its default.
 *
 * @param title required, at most 200 characters
 * @param description at most 10,000 characters
 * @param type {@code call}, {@code email}, {@code meeting}, {@code follow_up} or {@code to_do} (default)
 * @param priority {@code low}, {@code medium} (default), {@code high} or {@code urgent}
 * @param dueAt when it is due
 * @param timeZone the IANA zone the due time was chosen in, e.g. {@code America/Chicago} (default {@code UTC})
 * @param assigneeId the user ({@code sub}) to do it, {@code me} for the caller; none by default
 * @param relatedType {@code lead}, {@code account}, {@code contact}, {@code opportunity}, {@code project} or
 *        {@code case}; given together with {@code relatedId} or not at all
 * @param relatedId a live record of that type in the tenant
 */
public record TaskInput(@Nullable String title, @Nullable String description, @Nullable String type,
		@Nullable String priority, @Nullable Instant dueAt, @Nullable String timeZone, @Nullable String assigneeId,
		@Nullable String relatedType, @Nullable UUID relatedId) {
}
