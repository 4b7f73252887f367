package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CRM_TASK_ASSIGNED} on {@link Topics#CRM_TASKS}: a task was created with an assignee, or
 * its assignee changed (other edits publish nothing). Key {@code {tenantId}:{taskId}}. Browsers receive it as
 * {@code crm:task-assigned}, only the sessions of the user whose token {@code sub} is {@code assigneeId}.
 *
 * @param taskId the task
 * @param title the task's title
 * @param type {@code call}, {@code email}, {@code meeting}, {@code follow_up} or {@code to_do}
 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}
 * @param dueAt when the task is due
 * @param timeZone the IANA time zone the due time was given in, e.g. {@code America/Chicago}
 * @param assigneeId the {@code sub} of the user the task is assigned to
 * @param previousAssigneeId the {@code sub} of the user it was assigned to before; {@code null} for a new task or
 *        one that had no assignee
 * @param assignedBy the {@code sub} of the user who assigned it
 * @param relatedType the kind of record the task relates to: {@code lead}, {@code account}, {@code contact},
 *        {@code opportunity}, {@code project} or {@code case}
 * @param relatedId the id of the record the task relates to
 * @param assignedAt when it was assigned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskAssigned(String tenantId, UUID taskId, String title, String type, String priority,
		@Nullable Instant dueAt, @Nullable String timeZone, String assigneeId, @Nullable String previousAssigneeId,
		String assignedBy, @Nullable String relatedType, @Nullable UUID relatedId, Instant assignedAt)
		implements TenantPayload {
}
