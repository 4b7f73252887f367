package io.lazi.crm.task.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
import io.lazi.crm.task.Activities;
import io.lazi.crm.task.ActivityFilter;
import io.lazi.crm.task.ActivityInput;
import io.lazi.crm.task.ActivityView;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.Tenant;

/**
 * The calls, emails, meetings and notes logged against the tenant's records, under {@code /api/crm/activities}. Bad
 * input answers 400 naming the field, another tenant's or an unknown activity 404, a stale {@code If-Match} 412, a
 * message logged twice 409 with the {@code existingId}.
 */
@Tag(name = "Activities", description = "Calls, emails, meetings and notes logged against a lead, account, contact, opportunity, project or case.")
@RestController
@RequestMapping("/api/crm/activities")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ActivityController {

	private final Activities activities;

	@Operation(summary = "Log an activity",
			description = "Body `{type, subject?, body?, durationMinutes?, outcome?, occurredAt?, relatedType, relatedId, externalMessageId?}`: type `call|email|meeting|note`, durationMinutes >= 0, occurredAt default now, relatedType and relatedId naming a record of the tenant. Written by the token's user. 201 with `Location` and `ETag`.",
			responses = {
					@ApiResponse(responseCode = "201", description = "Logged."),
					@ApiResponse(responseCode = "409",
							description = "The tenant has an activity of this `externalMessageId` already; its id is `existingId`. Nothing is created.",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(ref = "#/components/schemas/Problem"))) })
	@PostMapping
	ResponseEntity<ActivityView> create(Tenant tenant, @RequestBody(required = false) @Nullable ActivityInput body,
			@AuthenticationPrincipal Jwt user) {

		var activity = activities.create(tenant, body == null ? empty() : body, Actor.of(user));
		return ResponseEntity.created(URI.create("/api/crm/activities/" + activity.id()))
			.eTag(Versions.etag(activity.version()))
			.body(activity);
	}

	@Operation(summary = "Read an activity", description = "With its version as `ETag`.")
	@GetMapping("/{id}")
	ResponseEntity<ActivityView> get(Tenant tenant, @PathVariable UUID id) {
		return ok(activities.get(tenant, id));
	}

	@Operation(summary = "List activities",
			description = "Filters: `relatedType` with `relatedId`, `type`, `authorId` (`me` for the caller). `sort`: `occurredAt` (default, descending) or `createdAt`, with `,asc` or `,desc`.")
	@GetMapping
	Page<ActivityView> list(Tenant tenant, @RequestParam(required = false) @Nullable String relatedType,
			@RequestParam(required = false) @Nullable UUID relatedId,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String authorId,
			@RequestParam(required = false) @Nullable String sort, PageRequest page, @AuthenticationPrincipal Jwt user) {
		return activities.list(tenant, new ActivityFilter(relatedType, relatedId, type, authorId, sort), Actor.of(user),
				page);
	}

	@Operation(summary = "Replace an activity's fields",
			description = "The full editable body as on creation; a null optional field clears it, a missing `occurredAt` keeps it; `externalMessageId` and the author stay. `If-Match` guards against overwriting someone else's change (412).")
	@PutMapping("/{id}")
	ResponseEntity<ActivityView> update(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable ActivityInput body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(activities.update(tenant, id, body == null ? empty() : body, Versions.expected(ifMatch)));
	}

	@Operation(summary = "Delete an activity", description = "For good. Honours `If-Match` (412).")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		activities.delete(tenant, id, Versions.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(Activities.DuplicateMessage.class)
	ProblemDetail duplicate(Activities.DuplicateMessage ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Activity exists");
		problem.setProperty("field", "externalMessageId");
		problem.setProperty("existingId", ex.existingId());
		return problem;
	}

	private static ResponseEntity<ActivityView> ok(ActivityView activity) {
		return ResponseEntity.ok().eTag(Versions.etag(activity.version())).body(activity);
	}

	private static ActivityInput empty() {
		return new ActivityInput(null, null, null, null, null, null, null, null, null);
	}
}
