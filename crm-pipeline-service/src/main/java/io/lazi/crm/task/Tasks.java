package io.lazi.crm.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.jooq.tables.records.TaskRecord;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.RecordType;
import io.lazi.crm.record.RelatedRecords;
import io.lazi.crm.record.Times;
import io.lazi.crm.record.Versions;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.TaskAssigned;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's tasks: created, read, listed, replaced, completed and deleted (hard: nothing points at a task). A task
 * given an assignee, on creation or by a change of assignee, is announced as {@link Events#CRM_TASK_ASSIGNED} on
 * {@code crm.tasks} in the same transaction; other edits announce nothing. Thread-safe.
 *
 * <p>Errors: bad input {@link InvalidInputException} (400 naming the field), another tenant's or an unknown task
 * {@link ResourceNotFoundException} (404), a stale {@code If-Match} version {@link PreconditionFailedException} (412).
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Tasks {

	static final String OPEN = "open";

	static final String COMPLETED = "completed";

	private static final List<String> STATUSES = List.of(OPEN, COMPLETED);

	private final TaskRepository repository;

	private final RelatedRecords records;

	private final Outbox outbox;

	/** Creates an open task by {@code actor}; announces it when it has an assignee. */
	public TaskView create(Tenant tenant, TaskInput input, Actor actor) {

		var spec = TaskSpec.of(input, tenant.id(), actor.id(), records);
		var now = Times.now();
		var task = repository.insert(tenant.id(), UUID.randomUUID(), spec, actor.id(), now);
		if (task.getAssigneeId() != null) {
			announce(task, null, actor, now);
		}
		return TaskView.of(task, now.toInstant());
	}

	/** The task. */
	@Transactional(readOnly = true)
	public TaskView get(Tenant tenant, UUID id) {
		return TaskView.of(existing(repository.find(tenant.id(), id), id), Instant.now());
	}

	/**
	 * The tasks {@code filter} keeps, in its order (by default due soonest first, tasks without a due time last).
	 *
	 * @throws InvalidInputException naming {@code status}, {@code relatedType}, {@code relatedId} or {@code sort}
	 */
	@Transactional(readOnly = true)
	public Page<TaskView> list(Tenant tenant, TaskFilter filter, Actor actor, PageRequest page) {

		var now = Times.now();
		var condition = TaskRepository.matching(checked(filter, actor), now);
		var total = repository.count(tenant.id(), condition);
		var items = repository.list(tenant.id(), condition, filter.sort(), page)
			.stream()
			.map(t -> TaskView.of(t, now.toInstant()))
			.toList();
		return Page.of(items, page, total);
	}

	/**
	 * Replaces the task's editable fields (status stays: see {@link #complete}); announces a change of assignee to
	 * another user.
	 *
	 * @param expected the version {@code If-Match} named, or null
	 */
	public TaskView update(Tenant tenant, UUID id, TaskInput input, @Nullable Integer expected, Actor actor) {

		var spec = TaskSpec.of(input, tenant.id(), actor.id(), records);
		// Locked first: the previous assignee the event names must be the one this change replaced.
		var current = existing(repository.lock(tenant.id(), id), id);
		Versions.check(what(id), expected, current.getVersion());
		var now = Times.now();
		var task = repository.update(tenant.id(), id, current.getVersion(), spec, now);
		if (task == null) {
			throw new IllegalStateException("Task " + id + " changed under its row lock");
		}
		if (task.getAssigneeId() != null && !Objects.equals(task.getAssigneeId(), current.getAssigneeId())) {
			announce(task, current.getAssigneeId(), actor, now);
		}
		return TaskView.of(task, now.toInstant());
	}

	/**
	 * Completes the task as done by {@code actor} now. Idempotent: a completed task stays as it is (its first
	 * completion kept), whatever {@code If-Match} says.
	 *
	 * @param expected the version {@code If-Match} named, or null
	 */
	public TaskView complete(Tenant tenant, UUID id, @Nullable Integer expected, Actor actor) {

		var now = Times.now();
		var task = repository.complete(tenant.id(), id, expected, actor.id(), now);
		if (task != null) {
			return TaskView.of(task, now.toInstant());
		}
		var current = existing(repository.find(tenant.id(), id), id);
		if (!COMPLETED.equals(current.getStatus())) {
			throw stale(id, current.getVersion());
		}
		return TaskView.of(current, now.toInstant());
	}

	/**
	 * Deletes the task for good.
	 *
	 * @param expected the version {@code If-Match} named, or null
	 */
	public void delete(Tenant tenant, UUID id, @Nullable Integer expected) {

		if (!repository.delete(tenant.id(), id, expected)) {
			throw stale(id, existing(repository.find(tenant.id(), id), id).getVersion());
		}
	}

	private void announce(TaskRecord task, @Nullable String previousAssignee, Actor actor, OffsetDateTime now) {
		outbox.append(OutgoingEvent.of(Events.CRM_TASK_ASSIGNED, task.getId().toString(),
				new TaskAssigned(task.getTenantId(), task.getId(), task.getTitle(), task.getType(), task.getPriority(),
						task.getDueAt() == null ? null : task.getDueAt().toInstant(), task.getTimeZone(),
						Objects.requireNonNull(task.getAssigneeId()), previousAssignee, actor.id(),
						task.getRelatedType(), task.getRelatedId(), now.toInstant())));
	}

	private static TaskFilter checked(TaskFilter filter, Actor actor) {

		var status = filter.status() == null ? null : Inputs.oneOf(filter.status(), "status", STATUSES, null);
		var relatedType = filter.relatedType() == null ? null
				: RecordType.parse(filter.relatedType(), "relatedType").wire();
		if ((relatedType == null) != (filter.relatedId() == null)) {
			throw new InvalidInputException(relatedType == null ? "relatedType" : "relatedId",
					"relatedType and relatedId go together");
		}
		var assignee = TaskSpec.ME.equals(filter.assigneeId()) ? actor.id() : filter.assigneeId();
		return new TaskFilter(assignee, status, filter.overdue(), relatedType, filter.relatedId(), filter.dueBefore(),
				filter.dueAfter(), filter.sort());
	}

	private static TaskRecord existing(@Nullable TaskRecord task, UUID id) {
		if (task == null) {
			throw new ResourceNotFoundException("Task", id);
		}
		return task;
	}

	/** The change matched no row although the task exists: it is at another version than the one asked for. */
	private static PreconditionFailedException stale(UUID id, int current) {
		return new PreconditionFailedException(what(id), Versions.etag(current));
	}

	private static String what(UUID id) {
		return "Task " + id;
	}

}
