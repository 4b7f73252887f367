package io.lazi.crm.project;

import static io.lazi.crm.jooq.Tables.MILESTONE;
import static io.lazi.crm.jooq.Tables.PROJECT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectSelectStep;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.project.ProjectViews.MilestoneChange;
import io.lazi.crm.project.ProjectViews.MilestoneView;
import io.lazi.crm.project.ProjectViews.ProjectChange;
import io.lazi.crm.project.ProjectViews.ProjectView;
import io.lazi.crm.record.Sorts;
import io.lazi.crm.record.Times;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's install projects: read with their milestones and health, renamed, put on hold or closed, milestones
 * moved along. Projects are opened by the pipeline only (an Install opportunity opens one), never deleted here.
 * Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Projects {

	/** Sort fields of the list: the wire name and its column. */
	private static final Map<String, org.jooq.Field<?>> SORTS = Map.of("createdAt", PROJECT.CREATED_AT, "updatedAt",
			PROJECT.UPDATED_AT, "name", PROJECT.NAME, "startDate", PROJECT.START_DATE, "status", PROJECT.STATUS);

	private final DSLContext dsl;

	/**
	 * One page of projects, newest first unless {@code sort} says otherwise.
	 *
	 * @param sort {@code field[,asc|desc]}, field one of createdAt, updatedAt, name, startDate, status
	 * @throws InvalidInputException naming {@code sort} for another field or direction
	 */
	@Transactional(readOnly = true)
	public Page<ProjectView> list(Tenant tenant, @Nullable ProjectStatus status, @Nullable Health health,
			@Nullable UUID accountId, @Nullable String sort, PageRequest page) {

		var order = Sorts.parse(sort, SORTS).orElse(PROJECT.CREATED_AT.desc());
		var computed = new ProjectHealth(Times.now());
		var where = live(tenant)
			.and(status == null ? noCondition() : PROJECT.STATUS.eq(status.wire()))
			.and(accountId == null ? noCondition() : PROJECT.ACCOUNT_ID.eq(accountId))
			.and(health == null ? noCondition() : computed.health.eq(health.wire()));
		var total = dsl.fetchCount(PROJECT, where);
		var rows = select(computed).from(PROJECT)
			.where(where)
			.orderBy(order, PROJECT.ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch();
		return Page.of(views(tenant, rows, computed), page, total);
	}

	/**
	 * One project with its milestones and health.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such project
	 */
	@Transactional(readOnly = true)
	public ProjectView get(Tenant tenant, UUID id) {

		var computed = new ProjectHealth(Times.now());
		var row = select(computed).from(PROJECT)
			.where(live(tenant))
			.and(PROJECT.ID.eq(id))
			.fetchOptional()
			.orElseThrow(() -> new ResourceNotFoundException("Project", id));
		return views(tenant, List.of(row), computed).getFirst();
	}

	/**
	 * Renames the project and sets its status.
	 *
	 * @param expectedVersion from {@code If-Match}; null applies the change to whatever is current
	 * @throws ResourceNotFoundException when the tenant has no such project
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the current version
	 */
	@Transactional
	public ProjectView update(Tenant tenant, UUID id, ProjectChange change, @Nullable Integer expectedVersion) {

		var updated = dsl.update(PROJECT)
			.set(PROJECT.NAME, change.name())
			.set(PROJECT.STATUS, change.status().wire())
			.set(PROJECT.VERSION, PROJECT.VERSION.plus(1))
			.set(PROJECT.UPDATED_AT, Times.now())
			.where(live(tenant))
			.and(PROJECT.ID.eq(id))
			.and(expectedVersion == null ? noCondition() : PROJECT.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw missingOrStale(tenant, id, expectedVersion);
		}
		return get(tenant, id);
	}

	/**
	 * Sets a milestone's status and due date; {@code done} records when (kept while it stays done), any other status
	 * clears it. The project's version increments: its ETag covers its milestones.
	 *
	 * @param expectedVersion the project's version from {@code If-Match}; null applies the change to whatever is current
	 * @throws ResourceNotFoundException when the tenant has no such project, or it no such milestone
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the project's current version
	 */
	@Transactional
	public ProjectView updateMilestone(Tenant tenant, UUID projectId, UUID milestoneId, MilestoneChange change,
			@Nullable Integer expectedVersion) {

		var now = Times.now();
		var bumped = dsl.update(PROJECT)
			.set(PROJECT.VERSION, PROJECT.VERSION.plus(1))
			.set(PROJECT.UPDATED_AT, now)
			.where(live(tenant))
			.and(PROJECT.ID.eq(projectId))
			.and(expectedVersion == null ? noCondition() : PROJECT.VERSION.eq(expectedVersion))
			.execute();
		if (bumped == 0) {
			throw missingOrStale(tenant, projectId, expectedVersion);
		}
		var done = change.status() == MilestoneStatus.DONE;
		var updated = dsl.update(MILESTONE)
			.set(MILESTONE.STATUS, change.status().wire())
			.set(MILESTONE.DUE_DATE, change.dueDate())
			.set(MILESTONE.COMPLETED_AT,
					done ? coalesce(MILESTONE.COMPLETED_AT, val(now)) : val((OffsetDateTime) null, MILESTONE.COMPLETED_AT))
			.set(MILESTONE.UPDATED_AT, now)
			.where(MILESTONE.TENANT_ID.eq(tenant.id()))
			.and(MILESTONE.PROJECT_ID.eq(projectId))
			.and(MILESTONE.ID.eq(milestoneId))
			.execute();
		if (updated == 0) {
			// Rolls the project's version back with the transaction.
			throw new ResourceNotFoundException("Milestone", milestoneId);
		}
		return get(tenant, projectId);
	}

	/** The exception for an update that matched no row: 404 when the project is gone, else 412. */
	private RuntimeException missingOrStale(Tenant tenant, UUID id, @Nullable Integer expectedVersion) {

		var current = dsl.select(PROJECT.VERSION)
			.from(PROJECT)
			.where(live(tenant))
			.and(PROJECT.ID.eq(id))
			.fetchOne(PROJECT.VERSION);
		if (current == null) {
			return new ResourceNotFoundException("Project", id);
		}
		Versions.check("Project " + id, expectedVersion, current);
		return new PreconditionFailedException("Project " + id, Versions.etag(current));
	}

	private SelectSelectStep<? extends Record> select(ProjectHealth computed) {
		return dsl.select(PROJECT.ID, PROJECT.NAME, PROJECT.OPPORTUNITY_ID, PROJECT.ACCOUNT_ID, PROJECT.ST_CUSTOMER_ID,
				PROJECT.BUSINESS_UNIT_ID, PROJECT.STATUS, PROJECT.START_DATE, PROJECT.VERSION, PROJECT.CREATED_BY,
				PROJECT.CREATED_AT, PROJECT.UPDATED_AT, computed.health, computed.lastActivityAt);
	}

	private List<ProjectView> views(Tenant tenant, Collection<? extends Record> rows, ProjectHealth computed) {

		var milestones = milestones(tenant, rows.stream().map(r -> r.get(PROJECT.ID)).toList(), computed);
		return rows.stream()
			.map(r -> new ProjectView(r.get(PROJECT.ID), r.get(PROJECT.NAME), r.get(PROJECT.OPPORTUNITY_ID),
					r.get(PROJECT.ACCOUNT_ID), r.get(PROJECT.ST_CUSTOMER_ID), r.get(PROJECT.BUSINESS_UNIT_ID),
					r.get(PROJECT.STATUS), r.get(PROJECT.START_DATE), r.get(computed.health),
					r.get(computed.lastActivityAt).toInstant(),
					milestones.getOrDefault(r.get(PROJECT.ID), List.of()), r.get(PROJECT.VERSION),
					r.get(PROJECT.CREATED_BY), r.get(PROJECT.CREATED_AT).toInstant(),
					r.get(PROJECT.UPDATED_AT).toInstant()))
			.toList();
	}

	private Map<UUID, List<MilestoneView>> milestones(Tenant tenant, List<UUID> projectIds, ProjectHealth computed) {

		var byProject = new HashMap<UUID, List<MilestoneView>>();
		if (projectIds.isEmpty()) {
			return byProject;
		}
		dsl.selectFrom(MILESTONE)
			.where(MILESTONE.TENANT_ID.eq(tenant.id()))
			.and(MILESTONE.PROJECT_ID.in(projectIds))
			.orderBy(MILESTONE.PROJECT_ID, MILESTONE.POSITION, MILESTONE.KEY)
			.forEach(m -> byProject.computeIfAbsent(m.getProjectId(), p -> new ArrayList<>())
				.add(new MilestoneView(m.getId(), m.getKey(), m.getName(), m.getPosition(), m.getStatus(),
						m.getDueDate(), m.getCompletedAt() == null ? null : m.getCompletedAt().toInstant(),
						computed.overdue(m.getStatus(), m.getDueDate()), m.getUpdatedAt().toInstant())));
		return byProject;
	}

	private static Condition live(Tenant tenant) {
		return PROJECT.TENANT_ID.eq(tenant.id()).and(PROJECT.DELETED_AT.isNull());
	}

}
