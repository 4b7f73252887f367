package io.lazi.pricebook.category;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.CATEGORY_PUSH_ITEM;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.postgres.extensions.types.Ltree;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Set-based statements that change the shape of the effective tree: moves, renumbering, creates. */
@Repository
class StructureRepository {

	/** Marks a row pending for a field, starting its pending state (base, since) when it had none. */
	private static final String MARK_PENDING = """
			pending_fields = case when ? = any(c.pending_fields) then c.pending_fields
				else c.pending_fields || ?::text end,
			pending_since = coalesce(c.pending_since, ?::timestamptz),
			base_st_modified_on = case when c.local_status = 'NONE' and cardinality(c.pending_fields) = 0
				then c.modified_on else c.base_st_modified_on end,
			local_version = c.local_version + 1""";

	/**
	 * Puts the node at {@code position} among the other children of {@code parent} (all by position then
	 * id) and renumbers them 0..n; every row whose position changes becomes pending for it.
	 */
	private static final String RENUMBER = """
			with others as (
				select st_id, row_number() over (order by position, st_id) - 1 as rn from category
				where tenant_id = ? and parent_st_id is not distinct from ?::bigint and st_id <> ?
			), target as (
				select st_id, case when rn >= ? then rn + 1 else rn end as new_position from others
				union all
				select ?, least(?, (select count(*) from others))
			)
			update category c set position = target.new_position,
			""" + MARK_PENDING + """

			from target
			where c.tenant_id = ? and c.st_id = target.st_id and c.position <> target.new_position
			returning c.st_id""";

	/** Moves a subtree under a new parent: path and depth of every node in one statement. */
	private static final String MOVE = """
			update category c set
				path = ?::ltree || subpath(c.path, nlevel(?::ltree) - 1),
				depth = nlevel(?::ltree) + nlevel(c.path) - nlevel(?::ltree),
				root_st_id = ?
			where c.tenant_id = ? and c.path <@ ?::ltree""";

	private static final String MARK_PARENT = "update category c set parent_st_id = ?, " + MARK_PENDING
			+ " where c.tenant_id = ? and c.st_id = ?";

	private final DSLContext dsl;

	StructureRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Renumbers the children of {@code parentStId} with the node at {@code position}; returns changed ids. */
	List<Long> renumber(String tenantId, @Nullable Long parentStId, long stId, int position, OffsetDateTime now) {
		return dsl.resultQuery(RENUMBER, tenantId, parentStId, stId, position, stId, position, SyncMerge.POSITION,
				SyncMerge.POSITION, now, tenantId)
			.fetch(r -> r.get(0, Long.class));
	}

	/** Moves the node (and its subtree) under {@code parent}, marking its parent pending. */
	void move(String tenantId, CategoryNode node, CategoryNode parent, OffsetDateTime now) {

		dsl.execute(MARK_PARENT, parent.stId(), SyncMerge.PARENT, SyncMerge.PARENT, now, tenantId, node.stId());
		dsl.execute(MOVE, parent.path(), node.path(), parent.path(), node.path(), parent.rootStId(), tenantId,
				node.path());
	}

	/** The node and its descendants as stored now. */
	List<CategoryNode> subtree(String tenantId, long stId) {

		var anchor = CATEGORY.as("anchor");
		return dsl.select(CategoryRepository.NODE)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(condition("{0} <@ {1}", CATEGORY.PATH,
					field(select(anchor.PATH)
						.from(anchor)
						.where(anchor.TENANT_ID.eq(tenantId))
						.and(anchor.ST_ID.eq(stId)))))
			.orderBy(CATEGORY.DEPTH, CATEGORY.ST_ID)
			.fetch(Record1::value1);
	}

	/** Deepest depth in the node's subtree. */
	int deepest(String tenantId, CategoryNode node) {
		return dsl.select(max(CATEGORY.DEPTH))
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(condition("{0} <@ {1}", CATEGORY.PATH, Ltree.valueOf(node.path())))
			.fetchSingle()
			.value1();
	}

	/** Active children that are not locally deleted. */
	int liveChildren(String tenantId, long stId) {
		return dsl.fetchCount(CATEGORY, CATEGORY.TENANT_ID.eq(tenantId)
			.and(CATEGORY.PARENT_ST_ID.eq(stId))
			.and(CATEGORY.LOCAL_STATUS.ne(LocalState.DELETED)));
	}

	long nextLocalId() {
		return -dsl.nextval("category_local_id").longValue();
	}

	/** Inserts a local create under {@code parent} at the end of its children. */
	void insertCreated(String tenantId, long stId, CategoryNode parent, CategoryEdit edit, List<String> pending,
			OffsetDateTime now) {

		var position = dsl.fetchCount(CATEGORY, CATEGORY.TENANT_ID.eq(tenantId).and(CATEGORY.PARENT_ST_ID.eq(parent.stId())));
		dsl.insertInto(CATEGORY)
			.set(CATEGORY.TENANT_ID, tenantId)
			.set(CATEGORY.ST_ID, stId)
			.set(CATEGORY.PARENT_ST_ID, parent.stId())
			.set(CATEGORY.ROOT_ST_ID, parent.rootStId())
			.set(CATEGORY.DEPTH, parent.depth() + 1)
			.set(CATEGORY.PATH, Ltree.valueOf(parent.path() + "." + stId))
			.set(CATEGORY.NAME, edit.name())
			.set(CATEGORY.POSITION, position)
			.set(CATEGORY.ACTIVE, true)
			.set(CATEGORY.CATEGORY_TYPE, parent.categoryType())
			.set(CATEGORY.LAST_SYNCED_AT, now)
			.set(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, edit.imageUploadId())
			.set(CATEGORY.VISIBLE_CRM, edit.isVisibleCrm() == null || edit.isVisibleCrm())
			.set(CATEGORY.LOCAL_STATUS, LocalState.CREATED)
			.set(CATEGORY.PENDING_FIELDS, pending.toArray(String[]::new))
			.set(CATEGORY.PENDING_SINCE, now)
			.set(CATEGORY.LOCAL_VERSION, 1)
			.execute();
	}

	/** Removes a local create that was never pushed. */
	void deleteCreated(String tenantId, long stId) {
		dsl.deleteFrom(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.and(CATEGORY.LOCAL_STATUS.eq(LocalState.CREATED))
			.execute();
	}

	/** Whether a command for the item awaits its outcome. */
	boolean inFlight(String tenantId, long stId) {
		return dsl.fetchExists(CATEGORY_PUSH_ITEM, CATEGORY_PUSH_ITEM.TENANT_ID.eq(tenantId)
			.and(CATEGORY_PUSH_ITEM.ST_ID.eq(stId))
			.and(CATEGORY_PUSH_ITEM.STATUS.in(PushItem.WAITING, PushItem.SENT)));
	}
}
