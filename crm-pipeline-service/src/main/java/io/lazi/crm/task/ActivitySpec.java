package io.lazi.crm.task;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.RelatedRecords;
import io.lazi.crm.task.Inputs.Related;
import io.lazi.platform.web.InvalidInputException;

/** An activity's editable fields once checked: what is stored ({@code occurredAt} null: keep or now). */
record ActivitySpec(String type, @Nullable String subject, @Nullable String body, @Nullable Integer durationMinutes,
		@Nullable String outcome, @Nullable OffsetDateTime occurredAt, Related related,
		@Nullable String externalMessageId) {

	static final List<String> TYPES = List.of("call", "email", "meeting", "note");

	private static final int MESSAGE_ID_LENGTH = 1_000;

	/**
	 * Checks {@code input}: type, lengths, duration, the related record.
	 *
	 * @throws InvalidInputException naming the first bad field
	 */
	static ActivitySpec of(ActivityInput input, String tenantId, RelatedRecords records) {

		var type = Inputs.oneOf(input.type(), "type", TYPES, null);
		var subject = Inputs.optional(input.subject(), "subject", Inputs.NAME_LENGTH);
		var body = Inputs.optional(input.body(), "body", Inputs.BODY_LENGTH);
		if (input.durationMinutes() != null && input.durationMinutes() < 0) {
			throw new InvalidInputException("durationMinutes", "must be greater than or equal to 0");
		}
		var outcome = Inputs.optional(input.outcome(), "outcome", Inputs.NAME_LENGTH);
		var messageId = Inputs.optional(input.externalMessageId(), "externalMessageId", MESSAGE_ID_LENGTH);
		var occurredAt = input.occurredAt() == null ? null : input.occurredAt().atOffset(ZoneOffset.UTC);
		var related = Objects.requireNonNull(
				Inputs.related(records, tenantId, input.relatedType(), input.relatedId(), true));
		return new ActivitySpec(type, subject, body, input.durationMinutes(), outcome, occurredAt, related,
				messageId == null ? null : messageId.trim());
	}
}
