package io.lazi.crm.project.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.project.Health;
import io.lazi.crm.project.MilestoneStatus;
import io.lazi.crm.project.MilestoneTemplates;
import io.lazi.crm.project.ProjectStatus;
import io.lazi.crm.project.ProjectViews.MilestoneChange;
import io.lazi.crm.project.ProjectViews.ProjectChange;
import io.lazi.crm.project.ProjectViews.ProjectView;
import io.lazi.crm.project.ProjectViews.TemplateMilestone;
import io.lazi.crm.project.ProjectViews.TemplateView;
import io.lazi.crm.project.ProjectViews.TemplatesView;
import io.lazi.crm.project.Projects;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/**
 * Install projects under {@code /api/crm}: the projects Install opportunities opened, with milestones and health,
 * and the milestone templates new projects start with. Bad input answers 400 naming the field, another tenant's
 * project 404, a stale {@code If-Match} 412.
 */
@Tag(name = "Projects", description = "Install projects with milestones and health, opened by Install opportunities.")
@RestController
@RequestMapping("/api/crm")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProjectController {

	private static final int MAX_NAME = 200;

	private final Projects projects;

	private final MilestoneTemplates templates;

	@Operation(summary = "List install projects",
			description = "Newest first. Filters: `status` (active, on_hold, completed, cancelled), `health` (healthy, at_risk, critical), `accountId`. `sort=field[,asc|desc]` over createdAt, updatedAt, name, startDate, status.")
	@GetMapping("/projects")
	Page<ProjectView> list(Tenant tenant, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String health,
			@RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable String sort, PageRequest page) {
		return projects.list(tenant, status == null ? null : ProjectStatus.parse(status, "status"),
				health == null ? null : Health.parse(health, "health"), accountId, sort, page);
	}

	@Operation(summary = "Read an install project",
			description = "With its milestones and health (critical: a milestone more than 7 days overdue or two overdue; at_risk: one overdue or nothing happened for 14 days). `ETag` is its version.")
	@GetMapping("/projects/{id}")
	ResponseEntity<ProjectView> get(Tenant tenant, @PathVariable UUID id) {
		return tagged(projects.get(tenant, id));
	}

	@Operation(summary = "Rename a project or change its status",
			description = "Body `{name, status}` (both required). `If-Match` with the ETag read guards against overwriting someone else's change (412).")
	@PutMapping("/projects/{id}")
	ResponseEntity<ProjectView> update(Tenant tenant, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable ProjectBody body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		var expected = Versions.expected(ifMatch);
		var name = body == null || body.name() == null ? "" : body.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new InvalidInputException("name", "is required, at most " + MAX_NAME + " characters");
		}
		var status = ProjectStatus.parse(body == null ? null : body.status(), "status");
		return tagged(projects.update(tenant, id, new ProjectChange(name, status), expected));
	}

	@Operation(summary = "Change a milestone's status or due date",
			description = "Body `{status (pending, in_progress, done, skipped), dueDate?}`; a missing `dueDate` clears it. `done` records `completedAt`. The project's version (its ETag, which `If-Match` names) increments.")
	@PutMapping("/projects/{id}/milestones/{milestoneId}")
	ResponseEntity<ProjectView> updateMilestone(Tenant tenant, @PathVariable UUID id, @PathVariable UUID milestoneId,
			@RequestBody(required = false) @Nullable MilestoneBody body,
			@RequestHeader(name = Versions.IF_MATCH, required = false) @Nullable String ifMatch) {

		var expected = Versions.expected(ifMatch);
		var status = MilestoneStatus.parse(body == null ? null : body.status(), "status");
		return tagged(projects.updateMilestone(tenant, id, milestoneId,
				new MilestoneChange(status, body == null ? null : body.dueDate()), expected));
	}

	@Operation(summary = "List milestone templates",
			description = "The tenant's default template (`businessUnitId` null), the templates per ServiceTitan business unit, and the built-in template used when neither exists.")
	@GetMapping("/milestone-templates")
	TemplatesView templates(Tenant tenant) {
		return templates.all(tenant);
	}

	@Operation(summary = "Replace a milestone template",
			description = "Path: a ServiceTitan business unit id of the tenant, or `default` for the tenant's default. Body `{milestones: [{key, name, offsetDays}]}` in order; keys unique (lower-case letters, digits, `_`, `-`), offsetDays 0..3650 days from the project's start. An empty list removes the template. Only projects opened afterwards use it.")
	@PutMapping("/milestone-templates/{businessUnitId}")
	TemplateView replaceTemplate(Tenant tenant, @PathVariable String businessUnitId,
			@RequestBody(required = false) @Nullable TemplateBody body) {

		if (body == null || body.milestones() == null) {
			throw new InvalidInputException("milestones", "is required (an empty list removes the template)");
		}
		var milestones = new ArrayList<TemplateMilestone>();
		for (var i = 0; i < body.milestones().size(); i++) {
			var m = body.milestones().get(i);
			var at = "milestones[" + i + "].";
			if (m == null || m.key() == null) {
				throw new InvalidInputException(at + "key", "is required");
			}
			if (m.name() == null) {
				throw new InvalidInputException(at + "name", "is required");
			}
			if (m.offsetDays() == null) {
				throw new InvalidInputException(at + "offsetDays", "is required");
			}
			milestones.add(new TemplateMilestone(m.key(), m.name().strip(), m.offsetDays()));
		}
		return templates.replace(tenant, businessUnit(businessUnitId), milestones);
	}

	/** {@code default} → null; otherwise a positive ServiceTitan id. */
	private static @Nullable Long businessUnit(String value) {

		if (value.equals("default")) {
			return null;
		}
		try {
			var id = Long.parseLong(value);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidInputException("businessUnitId", "must be a business unit id or default");
	}

	private static ResponseEntity<ProjectView> tagged(ProjectView view) {
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	/** Body of a project change. */
	record ProjectBody(@Nullable String name, @Nullable String status) {
	}

	/** Body of a milestone change; {@code dueDate} an ISO date, e.g. {@code 2026-03-01}. */
	record MilestoneBody(@Nullable String status, @Nullable LocalDate dueDate) {
	}

	/** Body of a template replacement. */
	record TemplateBody(@Nullable List<@Nullable TemplateMilestoneBody> milestones) {
	}

	/** One milestone of a template replacement. */
	record TemplateMilestoneBody(@Nullable String key, @Nullable String name, @Nullable Integer offsetDays) {
	}
}
