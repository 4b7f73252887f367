package io.lazi.crm.task;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.RelatedRecords;
import io.lazi.crm.task.Inputs.Related;
import io.lazi.platform.web.InvalidInputException;

/** A task's editable fields once checked: what is stored. */
record TaskSpec(String title, @Nullable String description, String type, String priority,
		@Nullable OffsetDateTime dueAt, String timeZone, @Nullable String assigneeId, @Nullable Related related) {

	static final List<String> TYPES = List.of("call", "email", "meeting", "follow_up", "to_do");

	static final List<String> PRIORITIES = List.of("low", "medium", "high", "urgent");

	/** The value of {@code assigneeId} (and of the listing's filter) that stands for the caller. */
	static final String ME = "me";

	/**
	 * Checks {@code input}: enums, lengths, the time zone, the related record.
	 *
	 * @param actor the caller, the assignee when {@code assigneeId} is {@code me}
	 * @throws InvalidInputException naming the first bad field
	 */
	static TaskSpec of(TaskInput input, String tenantId, String actor, RelatedRecords records) {

		var title = Inputs.required(input.title(), "title", Inputs.NAME_LENGTH);
		var description = Inputs.optional(input.description(), "description", Inputs.BODY_LENGTH);
		var type = Inputs.oneOf(input.type(), "type", TYPES, "to_do");
		var priority = Inputs.oneOf(input.priority(), "priority", PRIORITIES, "medium");
		var assignee = Inputs.optional(input.assigneeId(), "assigneeId", Inputs.NAME_LENGTH);
		if (assignee != null) {
			assignee = assignee.trim();
		}
		if (ME.equals(assignee)) {
			assignee = actor;
		}
		var dueAt = input.dueAt() == null ? null : input.dueAt().atOffset(ZoneOffset.UTC);
		var related = Inputs.related(records, tenantId, input.relatedType(), input.relatedId(), false);
		return new TaskSpec(title, description, type, priority, dueAt, zone(input.timeZone()), assignee, related);
	}

	/** An IANA region id such as {@code Europe/Berlin} (or {@code UTC}), not a bare offset. */
	private static String zone(@Nullable String value) {

		if (value == null || value.isBlank()) {
			return "UTC";
		}
		try {
			var zone = ZoneId.of(value.trim());
			if (zone instanceof ZoneOffset) {
				throw new DateTimeException("an offset, not a region");
			}
			return zone.getId();
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("timeZone", "must be an IANA time zone id, e.g. America/New_York");
		}
	}
}
