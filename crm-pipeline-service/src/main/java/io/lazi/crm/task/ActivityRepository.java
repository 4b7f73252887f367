package io.lazi.crm.task;

import static io.lazi.crm.jooq.Tables.ACTIVITY;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
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

import io.lazi.crm.jooq.tables.records.ActivityRecord;
import io.lazi.platform.web.PageRequest;

/** The {@code activity} table, always within one tenant. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ActivityRepository {

	private static final Map<String, Field<?>> SORTABLE = Map.of("occurredAt", ACTIVITY.OCCURRED_AT, "createdAt",
			ACTIVITY.CREATED_AT);

	private final DSLContext dsl;

	/**
	 * Inserts the activity; null when the tenant already has one with its {@code externalMessageId} (then nothing
	 * is inserted, also when that one is being inserted concurrently).
	 */
	@Nullable ActivityRecord insert(String tenantId, UUID id, ActivitySpec spec, String author, OffsetDateTime now) {
		return dsl.insertInto(ACTIVITY)
			.set(ACTIVITY.TENANT_ID, tenantId)
			.set(ACTIVITY.ID, id)
			.set(ACTIVITY.TYPE, spec.type())
			.set(ACTIVITY.SUBJECT, spec.subject())
			.set(ACTIVITY.BODY, spec.body())
			.set(ACTIVITY.DURATION_MINUTES, spec.durationMinutes())
			.set(ACTIVITY.OUTCOME, spec.outcome())
			.set(ACTIVITY.OCCURRED_AT, spec.occurredAt() == null ? now : spec.occurredAt())
			.set(ACTIVITY.RELATED_TYPE, spec.related().type().wire())
			.set(ACTIVITY.RELATED_ID, spec.related().id())
			.set(ACTIVITY.EXTERNAL_MESSAGE_ID, spec.externalMessageId())
			.set(ACTIVITY.AUTHOR_ID, author)
			.set(ACTIVITY.CREATED_AT, now)
			.set(ACTIVITY.UPDATED_AT, now)
			.onConflict(ACTIVITY.TENANT_ID, ACTIVITY.EXTERNAL_MESSAGE_ID)
			.doNothing()
			.returning()
			.fetchOne();
	}

	/** The id of the tenant's activity captured from {@code externalMessageId}, or null. */
	@Nullable UUID idOf(String tenantId, String externalMessageId) {
		return dsl.select(ACTIVITY.ID)
			.from(ACTIVITY)
			.where(ACTIVITY.TENANT_ID.eq(tenantId))
			.and(ACTIVITY.EXTERNAL_MESSAGE_ID.eq(externalMessageId))
			.fetchOne(ACTIVITY.ID);
	}

	@Nullable ActivityRecord find(String tenantId, UUID id) {
		return dsl.selectFrom(ACTIVITY).where(ACTIVITY.TENANT_ID.eq(tenantId)).and(ACTIVITY.ID.eq(id)).fetchOne();
	}

	/**
	 * Replaces the editable fields (not {@code externalMessageId}; {@code occurredAt} only when given) of the activity
	 * at {@code version} when given; null when no such activity is at that version.
	 */
	@Nullable ActivityRecord update(String tenantId, UUID id, @Nullable Integer version, ActivitySpec spec,
			OffsetDateTime now) {
		return dsl.update(ACTIVITY)
			.set(ACTIVITY.TYPE, spec.type())
			.set(ACTIVITY.SUBJECT, spec.subject())
			.set(ACTIVITY.BODY, spec.body())
			.set(ACTIVITY.DURATION_MINUTES, spec.durationMinutes())
			.set(ACTIVITY.OUTCOME, spec.outcome())
			.set(ACTIVITY.OCCURRED_AT, spec.occurredAt() == null ? ACTIVITY.OCCURRED_AT : val(spec.occurredAt()))
			.set(ACTIVITY.RELATED_TYPE, spec.related().type().wire())
			.set(ACTIVITY.RELATED_ID, spec.related().id())
			.set(ACTIVITY.UPDATED_AT, now)
			.set(ACTIVITY.VERSION, ACTIVITY.VERSION.plus(1))
			.where(ACTIVITY.TENANT_ID.eq(tenantId))
			.and(ACTIVITY.ID.eq(id))
			.and(version == null ? noCondition() : ACTIVITY.VERSION.eq(version))
			.returning()
			.fetchOne();
	}

	/** Deletes the activity (at {@code version} when given); false when none was deleted. */
	boolean delete(String tenantId, UUID id, @Nullable Integer version) {
		return dsl.deleteFrom(ACTIVITY)
			.where(ACTIVITY.TENANT_ID.eq(tenantId))
			.and(ACTIVITY.ID.eq(id))
			.and(version == null ? noCondition() : ACTIVITY.VERSION.eq(version))
			.execute() == 1;
	}

	/** The condition of a checked {@code filter} ({@code me} already replaced by the caller, values valid). */
	static Condition matching(ActivityFilter filter) {
		return (filter.relatedType() == null ? noCondition() : ACTIVITY.RELATED_TYPE.eq(filter.relatedType()))
			.and(filter.relatedId() == null ? noCondition() : ACTIVITY.RELATED_ID.eq(filter.relatedId()))
			.and(filter.type() == null ? noCondition() : ACTIVITY.TYPE.eq(filter.type()))
			.and(filter.authorId() == null ? noCondition() : ACTIVITY.AUTHOR_ID.eq(filter.authorId()));
	}

	long count(String tenantId, Condition filter) {
		return dsl.fetchCount(ACTIVITY, ACTIVITY.TENANT_ID.eq(tenantId).and(filter));
	}

	List<ActivityRecord> list(String tenantId, Condition filter, @Nullable String sort, PageRequest page) {
		var order = Sorting.parse(sort, SORTABLE, List.of(ACTIVITY.OCCURRED_AT.desc()),
				List.<SortField<?>>of(ACTIVITY.CREATED_AT.desc(), ACTIVITY.ID.asc()));
		return dsl.selectFrom(ACTIVITY)
			.where(ACTIVITY.TENANT_ID.eq(tenantId))
			.and(filter)
			.orderBy(order)
			.limit(page.size())
			.offset(page.offset())
			.fetch();
	}
}
