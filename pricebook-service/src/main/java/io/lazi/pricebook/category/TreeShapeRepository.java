package io.lazi.pricebook.category;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static org.jooq.impl.DSL.any;

import java.util.Collection;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Set-based statements that keep the effective tree consistent: every node's path is its effective
 * parent's path plus its own id, its depth {@code nlevel(path) - 1}.
 */
@Repository
class TreeShapeRepository {

	/** Recomputes path, depth and root of every node reachable from a root; touches only rows that differ. */
	private static final String REBUILD = """
			with recursive tree (st_id, path, depth, root_st_id) as (
				select st_id, text2ltree(st_id::text), 0, st_id from category
				where tenant_id = ? and parent_st_id is null
				union all
				select c.st_id, t.path || text2ltree(c.st_id::text), t.depth + 1, t.root_st_id
				from category c join tree t on c.parent_st_id = t.st_id
				where c.tenant_id = ?
			)
			update category c set path = tree.path, depth = tree.depth, root_st_id = tree.root_st_id
			from tree
			where c.tenant_id = ? and c.st_id = tree.st_id
				and (c.path, c.depth, c.root_st_id) is distinct from (tree.path, tree.depth, tree.root_st_id)""";

	private final DSLContext dsl;

	TreeShapeRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Rebuilds paths from the effective parents; returns the rows changed. */
	int rebuildPaths(String tenantId) {
		return dsl.execute(REBUILD, tenantId, tenantId, tenantId);
	}

	/** Marks rows no longer pending: ServiceTitan holds their local values (already written as effective). */
	void settle(String tenantId, Collection<Long> stIds) {

		if (stIds.isEmpty()) {
			return;
		}
		dsl.update(CATEGORY)
			.set(CATEGORY.PENDING_FIELDS, new String[0])
			.setNull(CATEGORY.PENDING_SINCE)
			.setNull(CATEGORY.BASE_ST_MODIFIED_ON)
			.setNull(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID)
			.setNull(CATEGORY.PUSH_ERROR_STATUS)
			.setNull(CATEGORY.PUSH_ERROR_MESSAGE)
			.setNull(CATEGORY.PUSH_ERROR_AT)
			.setNull(CATEGORY.PUSH_ERROR_PUSH_ID)
			.setNull(CATEGORY.PUSH_ERROR_COMMAND_ID)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(any(stIds.toArray(Long[]::new))))
			.execute();
	}
}
