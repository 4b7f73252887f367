package io.lazi.pricebook.category;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.types.Ltree;
import org.springframework.stereotype.Repository;

/** Set-based statements that apply push results to a subtree. */
@Repository
class ResultRepository {

	private final DSLContext dsl;

	ResultRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Replaces the id {@code oldId} by {@code newId} in its row, in its children's parent references and
	 * in the paths of its whole subtree, in one statement.
	 */
	int replaceId(String tenantId, long oldId, long newId) {

		var label = oldPathLength(tenantId, oldId).minus(inline(1));
		Field<Ltree> path = field("subpath({0}, 0, {1}) || text2ltree({2}) || case when nlevel({0}) > {1} + 1 "
				+ "then subpath({0}, {1} + 1) else ''::ltree end", CATEGORY.PATH.getDataType(), CATEGORY.PATH, label,
				inline(Long.toString(newId)));
		return dsl.update(CATEGORY)
			.set(CATEGORY.PATH, path)
			.set(CATEGORY.ST_ID, field("case when {0} = {1} then {2} else {0} end", SQLDataType.BIGINT, CATEGORY.ST_ID,
					inline(oldId), inline(newId)))
			.set(CATEGORY.PARENT_ST_ID, field("case when {0} = {1} then {2} else {0} end", SQLDataType.BIGINT,
					CATEGORY.PARENT_ST_ID, inline(oldId), inline(newId)))
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(condition("{0} <@ {1}", CATEGORY.PATH, pathOf(tenantId, oldId)))
			.execute();
	}

	/** Removes the item and its subtree (locally deleted descendants). */
	int deleteSubtree(String tenantId, long stId) {

		return dsl.deleteFrom(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(condition("{0} <@ {1}", CATEGORY.PATH, pathOf(tenantId, stId)))
			.execute();
	}

	/**
	 * Deactivates the item and its active descendants, as a sync does for what disappeared from
	 * ServiceTitan; a pending local delete among them is settled, other pending rows are left alone.
	 */
	List<CategoryNode> deactivateSubtree(String tenantId, long stId, OffsetDateTime now) {
		return dsl.update(CATEGORY)
			.set(CATEGORY.ACTIVE, false)
			.set(CATEGORY.LAST_SYNCED_AT, now)
			.set(CATEGORY.LOCAL_STATUS, LocalState.NONE)
			.set(CATEGORY.PENDING_FIELDS, new String[0])
			.setNull(CATEGORY.PENDING_SINCE)
			.setNull(CATEGORY.BASE_ST_MODIFIED_ON)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(condition("{0} <@ {1}", CATEGORY.PATH, pathOf(tenantId, stId)))
			.and(CATEGORY.ACTIVE)
			.and(CATEGORY.ST_ID.gt(0L))
			.and(CategoryRepository.PENDING.not().or(CATEGORY.LOCAL_STATUS.eq(LocalState.DELETED)))
			.returningResult(CategoryRepository.NODE)
			.fetch(Record1::value1);
	}

	private static Field<Ltree> pathOf(String tenantId, long stId) {

		var anchor = CATEGORY.as("anchor");
		return field(select(anchor.PATH).from(anchor).where(anchor.TENANT_ID.eq(tenantId)).and(anchor.ST_ID.eq(stId)));
	}

	private static Field<Integer> oldPathLength(String tenantId, long oldId) {

		var old = CATEGORY.as("old_len");
		return field(select(field("nlevel({0})", Integer.class, old.PATH)).from(old)
			.where(old.TENANT_ID.eq(tenantId))
			.and(old.ST_ID.eq(oldId)));
	}
}
