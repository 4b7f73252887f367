package io.lazi.crm.task.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.record.Actor;
import io.lazi.crm.record.Versions;
import io.lazi.crm.task.TaskFilter;
import io.lazi.crm.task.TaskInput;
import io.lazi.crm.task.TaskView;
import io.lazi.crm.task.Tasks;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's tasks under {@code /api/crm/tasks}. Bad input answers 400 naming the field, another tenant's or an
 * unknown task 404, a stale {@code If-Match} 412.
 */
@Tag(name = "Tasks", description = "To-dos with a due time and an assignee, about a lead, account, contact, opportunity, project or case.")
@RestController
@RequestMapping("/api/crm/tasks")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TaskController {

	private final Tasks tasks;

	@Operation(summary = "Create a task",
			description = "Body `{title, description?, type?, priority?, dueAt?, timeZone?, assigneeId?, relatedType?, relatedId?}`: type `call|email|meeting|follow_up|to_do` (default `to_do`), priority `low|medium|high|urgent` (default `medium`), timeZone an IANA id (default `UTC`), assigneeId a user's `sub` or `me` (default: none), relatedType and relatedId together or not at all, naming a record of the tenant. Created by the token's user, open. With an assignee it is announced on `crm.tasks` (`io.lazi.crm.task.assigned.v1`). 201 with `Location` and `ETag`.")
	@PostMapping
	ResponseEntity<TaskView> create(Tenant tenant, @RequestBody(required = false) @Nullable TaskInput body,
			@AuthenticationPrincipal Jwt user) {

		var task = tasks.create(tenant, body == null ? empty() : body, Actor.of(user));
		return ResponseEntity.created(URI.create("/api/crm/tasks/" + task.id()))
			.eTag(Versions.etag(task.version()))
			.body(task);
	}

	@Operation(summary = "Read a task", description = "With its version as `ETag`.")
	@GetMapping("/{id}")
	ResponseEntity<TaskView> get(Tenant tenant, @PathVariable UUID id) {
		return ok(tasks.get(tenant, id));
	}

	@Operation(summary = "List tasks",
			description = "Filters: `assigneeId` (`me` for the caller), `status` (`open|completed`), `overdue` (`true`: open and due before now), `relatedType` with `relatedId`, `dueBefore`, `dueAfter` (instants). `sort`: `dueAt` (default, ascending, tasks without a due time last), `createdAt`, `updatedAt`, `title` or `priority`, with `,asc` or `,desc`.")
	@GetMapping
	Page<TaskView> list(Tenant tenant, @RequestParam(required = false) @Nullable String assigneeId,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue,
			@RequestParam(required = false) @Nullable String relatedType,
			@RequestParam(required = false) @Nullable UUID relatedId,
			@RequestParam(required = false) @Nullable Instant dueBefore,
			@RequestParam(required = false) @Nullable Instant dueAfter,
			@RequestParam(required = false) @Nullable String sort, PageRequest page, @AuthenticationPrincipal Jwt user) {
		return tasks.list(tenant,
				new TaskFilter(assigneeId, status, overdue, relatedType, relatedId, dueBefore, dueAfter, sort),
				Actor.of(user), page);
	}

	@Operation(summary = "Replace a task's fields",
			description = "The full editable body as on creation; a null optional field clears it. Not the status: see `…/complete`. `If-Match` with the ETag read guards against overwriting someone else's change (412). A new assignee is announced on `crm.tasks`; other edits are not.")
	@PutMapping("/{id}")
	ResponseEntity<TaskView> update(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable TaskInput body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal Jwt user) {
		return ok(tasks.update(tenant, id, body == null ? empty() : body, Versions.expected(ifMatch), Actor.of(user)));
	}

	@Operation(summary = "Complete a task",
			description = "Completed by the token's user, now. Idempotent: a completed task is answered as it is.")
	@PutMapping("/{id}/complete")
	ResponseEntity<TaskView> complete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal Jwt user) {
		return ok(tasks.complete(tenant, id, Versions.expected(ifMatch), Actor.of(user)));
	}

	@Operation(summary = "Delete a task", description = "For good. Honours `If-Match` (412).")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		tasks.delete(tenant, id, Versions.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<TaskView> ok(TaskView task) {
		return ResponseEntity.ok().eTag(Versions.etag(task.version())).body(task);
	}

	private static TaskInput empty() {
		return new TaskInput(null, null, null, null, null, null, null, null, null);
	}
}
