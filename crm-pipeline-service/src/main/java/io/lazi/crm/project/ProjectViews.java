package io.lazi.crm.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The read models and inputs of the projects API. */
public final class ProjectViews {

	private ProjectViews() {
	}

	/**
	 * An install project.
	 *
	 * @param name {@code "<account or customer name> install"} when opened by the pipeline; editable
	 * @param opportunityId the Install opportunity that opened it (one project per opportunity)
	 * @param accountId the opportunity's account, if any
	 * @param stCustomerId the ServiceTitan customer, for derived opportunities
	 * @param businessUnitId the ServiceTitan business unit of the opportunity's job, whose template gave the milestones
	 * @param status {@code active}, {@code on_hold}, {@code completed} or {@code cancelled}
	 * @param startDate the day it was opened (UTC); milestone due dates count from it
	 * @param health {@code healthy}, {@code at_risk} or {@code critical} ({@link Health}), as of now
	 * @param lastActivityAt the latest of its opening, its milestones' changes, its activities and its tasks' changes
	 * @param milestones in template order
	 * @param version the optimistic lock, also the {@code ETag}; every change, milestones' included, increments it
	 */
	public record ProjectView(UUID id, String name, UUID opportunityId, @Nullable UUID accountId,
			@Nullable Long stCustomerId, @Nullable Long businessUnitId, String status, LocalDate startDate, String health,
			Instant lastActivityAt, List<MilestoneView> milestones, int version, String createdBy, Instant createdAt,
			Instant updatedAt) {
	}

	/**
	 * One milestone of a project.
	 *
	 * @param key unique within the project, from the template (e.g. {@code permit})
	 * @param position 0-based order
	 * @param status {@code pending}, {@code in_progress}, {@code done} or {@code skipped}
	 * @param dueDate start date + the template's offset; editable, may be cleared
	 * @param completedAt when it became {@code done}; null otherwise
	 * @param overdue pending or in progress and due before today (UTC)
	 */
	public record MilestoneView(UUID id, String key, String name, int position, String status,
			@Nullable LocalDate dueDate, @Nullable Instant completedAt, boolean overdue, Instant updatedAt) {
	}

	/**
	 * A user's change of a project: both fields replace the current ones.
	 *
	 * @param name 1..200 characters
	 */
	public record ProjectChange(String name, ProjectStatus status) {
	}

	/**
	 * A user's change of a milestone.
	 *
	 * @param dueDate null clears it
	 */
	public record MilestoneChange(MilestoneStatus status, @Nullable LocalDate dueDate) {
	}

	/**
	 * The tenant's milestone templates and the built-in one used where a tenant has none.
	 *
	 * @param templates the tenant's default template first, then per business unit by id
	 * @param builtIn what a project gets when neither its business unit nor the tenant has a template
	 */
	public record TemplatesView(List<TemplateView> templates, List<TemplateMilestone> builtIn) {
	}

	/**
	 * The milestones a new project of one business unit starts with.
	 *
	 * @param businessUnitId the ServiceTitan business unit; null for the tenant's default template
	 * @param businessUnitName its name as ServiceTitan last reported it; null for the default or when unknown
	 * @param milestones in order
	 */
	public record TemplateView(@Nullable Long businessUnitId, @Nullable String businessUnitName,
			List<TemplateMilestone> milestones) {
	}

	/**
	 * One milestone of a template.
	 *
	 * @param key unique within the template: lower-case letters, digits, {@code _} or {@code -}, 1..50 characters
	 * @param name 1..200 characters
	 * @param offsetDays days from the project's start date to the milestone's due date, 0..3650
	 */
	public record TemplateMilestone(String key, String name, int offsetDays) {
	}
}
