package io.lazi.crm.task;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The editable fields of an activity, as logged ({@code POST}) and replaced ({@code PUT}); a null optional field
 * clears it.
 *
 * @param type {@code call}, {@code email}, {@code meeting} or {@code note}; required
 * @param subject at most 200 characters
 * @param body at most 10,000 characters
 * @param durationMinutes minutes, 0 or more
 * @param outcome e.g. {@code left voicemail}; at most 200 characters
 * @param occurredAt when it happened; now when logged without one, unchanged when replaced without one
 * @param relatedType {@code lead}, {@code account}, {@code contact}, {@code opportunity}, {@code project} or
 *        {@code case}; required
 * @param relatedId a live record of that type in the tenant; required
 * @param externalMessageId the id of the message it was captured from (e.g. an email's {@code Message-ID}), unique
 *        in the tenant; at most 1,000 characters; taken on creation only
 */
public record ActivityInput(@Nullable String type, @Nullable String subject, @Nullable String body,
		@Nullable Integer durationMinutes, @Nullable String outcome, @Nullable Instant occurredAt,
		@Nullable String relatedType, @Nullable UUID relatedId, @Nullable String externalMessageId) {
}
