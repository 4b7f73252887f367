package io.lazi.crm.task;

import static io.lazi.crm.jooq.Tables.TASK;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.when;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.crm.jooq.tables.records.TaskRecord;
import io.lazi.platform.web.PageRequest;

/** The {@code task} table, always within one tenant. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TaskRepository {

	/** Urgent first when sorted descending: the rank of each priority. */
	private static final Field<Integer> PRIORITY_RANK = when(TASK.PRIORITY.eq("low"), 0)
		.when(TASK.PRIORITY.eq("medium"), 1)
		.when(TASK.PRIORITY.eq("high"), 2)
		.otherwise(3);

	private static final Map<String, Field<?>> SORTABLE = Map.of("dueAt", TASK.DUE_AT, "createdAt", TASK.CREATED_AT,
			"updatedAt", TASK.UPDATED_AT, "title", TASK.TITLE, "priority", PRIORITY_RANK);

	private final DSLContext dsl;

	TaskRecord insert(String tenantId, UUID id, TaskSpec spec, String actor, OffsetDateTime now) {
		return dsl.insertInto(TASK)
			.set(TASK.TENANT_ID, tenantId)
			.set(TASK.ID, id)
			.set(TASK.STATUS, Tasks.OPEN)
			.set(TASK.CREATED_BY, actor)
			.set(TASK.CREATED_AT, now)
			.set(TASK.UPDATED_AT, now)
			.set(editable(spec))
			.returning()
			.fetchSingle();
	}

	@Nullable TaskRecord find(String tenantId, UUID id) {
		return dsl.selectFrom(TASK).where(TASK.TENANT_ID.eq(tenantId)).and(TASK.ID.eq(id)).fetchOne();
	}

	/** The task under its row lock until the transaction ends, or null. */
	@Nullable TaskRecord lock(String tenantId, UUID id) {
		return dsl.selectFrom(TASK).where(TASK.TENANT_ID.eq(tenantId)).and(TASK.ID.eq(id)).forUpdate().fetchOne();
	}

	/** Replaces the editable fields of the task at {@code version}; null when it is no longer at that version. */
	@Nullable TaskRecord update(String tenantId, UUID id, int version, TaskSpec spec, OffsetDateTime now) {
		return dsl.update(TASK)
			.set(editable(spec))
			.set(TASK.UPDATED_AT, now)
			.set(TASK.VERSION, TASK.VERSION.plus(1))
			.where(TASK.TENANT_ID.eq(tenantId))
			.and(TASK.ID.eq(id))
			.and(TASK.VERSION.eq(version))
			.returning()
			.fetchOne();
	}

	/**
	 * Completes the open task (at {@code version} when given); null when it is not open or not at that version.
	 */
	@Nullable TaskRecord complete(String tenantId, UUID id, @Nullable Integer version, String actor,
			OffsetDateTime now) {
		return dsl.update(TASK)
			.set(TASK.STATUS, Tasks.COMPLETED)
			.set(TASK.COMPLETED_AT, now)
			.set(TASK.COMPLETED_BY, actor)
			.set(TASK.UPDATED_AT, now)
			.set(TASK.VERSION, TASK.VERSION.plus(1))
			.where(TASK.TENANT_ID.eq(tenantId))
			.and(TASK.ID.eq(id))
			.and(TASK.STATUS.eq(Tasks.OPEN))
			.and(version == null ? noCondition() : TASK.VERSION.eq(version))
			.returning()
			.fetchOne();
	}

	/** Deletes the task (at {@code version} when given); false when none was deleted. */
	boolean delete(String tenantId, UUID id, @Nullable Integer version) {
		return dsl.deleteFrom(TASK)
			.where(TASK.TENANT_ID.eq(tenantId))
			.and(TASK.ID.eq(id))
			.and(version == null ? noCondition() : TASK.VERSION.eq(version))
			.execute() == 1;
	}

	/**
	 * The condition of a checked {@code filter} ({@code me} already replaced by the caller, values valid); overdue
	 * means open and due before {@code now}.
	 */
	static Condition matching(TaskFilter filter, OffsetDateTime now) {

		var overdue = TASK.STATUS.eq(Tasks.OPEN).and(TASK.DUE_AT.lt(now));
		// Written out rather than not(overdue): a task without a due time is not overdue, and not(null) keeps nothing.
		var notOverdue = TASK.STATUS.ne(Tasks.OPEN).or(TASK.DUE_AT.isNull()).or(TASK.DUE_AT.ge(now));
		return (filter.assigneeId() == null ? noCondition() : TASK.ASSIGNEE_ID.eq(filter.assigneeId()))
			.and(filter.status() == null ? noCondition() : TASK.STATUS.eq(filter.status()))
			.and(filter.overdue() == null ? noCondition() : filter.overdue() ? overdue : notOverdue)
			.and(filter.relatedType() == null ? noCondition() : TASK.RELATED_TYPE.eq(filter.relatedType()))
			.and(filter.relatedId() == null ? noCondition() : TASK.RELATED_ID.eq(filter.relatedId()))
			.and(filter.dueBefore() == null ? noCondition() : TASK.DUE_AT.lt(filter.dueBefore().atOffset(ZoneOffset.UTC)))
			.and(filter.dueAfter() == null ? noCondition() : TASK.DUE_AT.ge(filter.dueAfter().atOffset(ZoneOffset.UTC)));
	}

	long count(String tenantId, Condition filter) {
		return dsl.fetchCount(TASK, TASK.TENANT_ID.eq(tenantId).and(filter));
	}

	List<TaskRecord> list(String tenantId, Condition filter, @Nullable String sort, PageRequest page) {
		var order = Sorting.parse(sort, SORTABLE, List.of(TASK.DUE_AT.asc().nullsLast()),
				List.<SortField<?>>of(TASK.CREATED_AT.asc(), TASK.ID.asc()));
		return dsl.selectFrom(TASK)
			.where(TASK.TENANT_ID.eq(tenantId))
			.and(filter)
			.orderBy(order)
			.limit(page.size())
			.offset(page.offset())
			.fetch();
	}

	/** The editable columns' values, as both the insert and the update set them. */
	private static Map<Field<?>, @Nullable Object> editable(TaskSpec spec) {

		var related = spec.related();
		var values = new LinkedHashMap<Field<?>, @Nullable Object>();
		values.put(TASK.TITLE, spec.title());
		values.put(TASK.DESCRIPTION, spec.description());
		values.put(TASK.TYPE, spec.type());
		values.put(TASK.PRIORITY, spec.priority());
		values.put(TASK.DUE_AT, spec.dueAt());
		values.put(TASK.TIME_ZONE, spec.timeZone());
		values.put(TASK.ASSIGNEE_ID, spec.assigneeId());
		values.put(TASK.RELATED_TYPE, related == null ? null : related.type().wire());
		values.put(TASK.RELATED_ID, related == null ? null : related.id());
		return values;
	}
}
