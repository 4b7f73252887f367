package io.lazi.crm.project;

import static io.lazi.crm.jooq.Tables.ACTIVITY;
import static io.lazi.crm.jooq.Tables.MILESTONE;
import static io.lazi.crm.jooq.Tables.PROJECT;
import static io.lazi.crm.jooq.Tables.TASK;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.RecordType;

/**
 * {@link Health} as SQL over a row of {@code project}, so that lists filter and page by it: correlated sub-queries
 * over its milestones, activities and tasks, as of one instant.
 */
final class ProjectHealth {

	private static final List<String> OPEN_MILESTONE = List.of(MilestoneStatus.PENDING.wire(),
			MilestoneStatus.IN_PROGRESS.wire());

	private static final List<String> CLOSED_PROJECT = List.of(ProjectStatus.COMPLETED.wire(),
			ProjectStatus.CANCELLED.wire());

	/** The latest of the project's opening, milestone changes, activities and task changes. */
	final Field<OffsetDateTime> lastActivityAt;

	/** {@code healthy}, {@code at_risk} or {@code critical}. */
	final Field<String> health;

	/** The day (UTC) milestones are overdue after. */
	final LocalDate today;

	ProjectHealth(OffsetDateTime now) {

		this.today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		var ofProject = MILESTONE.TENANT_ID.eq(PROJECT.TENANT_ID).and(MILESTONE.PROJECT_ID.eq(PROJECT.ID));
		var overdue = ofProject.and(MILESTONE.STATUS.in(OPEN_MILESTONE)).and(MILESTONE.DUE_DATE.lt(today));
		Field<Integer> overdueCount = select(count()).from(MILESTONE).where(overdue).asField();
		Field<LocalDate> oldestDue = select(min(MILESTONE.DUE_DATE)).from(MILESTONE).where(overdue).asField();
		Field<OffsetDateTime> milestoneChange = select(max(MILESTONE.UPDATED_AT)).from(MILESTONE)
			.where(ofProject)
			.asField();
		Field<OffsetDateTime> activity = select(max(ACTIVITY.OCCURRED_AT)).from(ACTIVITY)
			.where(ACTIVITY.TENANT_ID.eq(PROJECT.TENANT_ID))
			.and(ACTIVITY.RELATED_TYPE.eq(RecordType.PROJECT.wire()))
			.and(ACTIVITY.RELATED_ID.eq(PROJECT.ID))
			.asField();
		Field<OffsetDateTime> task = select(max(TASK.UPDATED_AT)).from(TASK)
			.where(TASK.TENANT_ID.eq(PROJECT.TENANT_ID))
			.and(TASK.RELATED_TYPE.eq(RecordType.PROJECT.wire()))
			.and(TASK.RELATED_ID.eq(PROJECT.ID))
			.asField();
		// greatest() skips nulls in PostgreSQL: a project without milestones, activities or tasks counts from its opening.
		this.lastActivityAt = greatest(PROJECT.CREATED_AT, milestoneChange, activity, task);
		Condition critical = overdueCount.ge(2).or(oldestDue.lt(today.minusDays(Health.CRITICAL_AFTER_DAYS)));
		Condition atRisk = overdueCount.ge(1).or(lastActivityAt.lt(now.minusDays(Health.STALE_AFTER_DAYS)));
		this.health = when(PROJECT.STATUS.in(CLOSED_PROJECT), inline(Health.HEALTHY.wire()))
			.when(critical, inline(Health.CRITICAL.wire()))
			.when(atRisk, inline(Health.AT_RISK.wire()))
			.otherwise(inline(Health.HEALTHY.wire()));
	}

	/** Whether a milestone in {@code status}, due {@code dueDate}, is overdue today. */
	boolean overdue(String status, @Nullable LocalDate dueDate) {
		return OPEN_MILESTONE.contains(status) && dueDate != null && dueDate.isBefore(today);
	}
}
