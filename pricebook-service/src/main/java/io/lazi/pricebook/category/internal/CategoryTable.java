package io.lazi.pricebook.category.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static org.jooq.impl.DSL.all;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.types.Ltree;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.pricebook.listing.Timestamps;
import io.lazi.pricebook.listing.Upserts;

/**
 * The one writer of the {@code category} table: every INSERT, UPDATE and DELETE of it is here, with
 * the column values the features write through {@link #update}; {@link CategoryRows} reads and locks
 * the rows. Every statement is scoped to one tenant; sync writes are set-based and touch a row only
 * when one of its ServiceTitan values differs.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryTable {

	/** Rows per upsert statement: 22 parameters a row stay below PostgreSQL's 65,535 limit. */
	private static final int CHUNK = 1_000;

	/**
	 * The columns a sync writes and compares: a row whose values all equal the proposed ones stays
	 * untouched (its {@code last_synced_at} included).
	 */
	private static final List<Field<?>> SYNCED = List.of(CATEGORY.PARENT_ST_ID, CATEGORY.ROOT_ST_ID, CATEGORY.DEPTH,
			CATEGORY.PATH, CATEGORY.NAME, CATEGORY.DESCRIPTION, CATEGORY.IMAGE_PATH, CATEGORY.POSITION, CATEGORY.ACTIVE,
			CATEGORY.BUSINESS_UNIT_IDS, CATEGORY.CATEGORY_TYPE, CATEGORY.CREATED_ON, CATEGORY.MODIFIED_ON,
			CATEGORY.ST_NAME, CATEGORY.ST_IMAGE_PATH, CATEGORY.ST_POSITION, CATEGORY.ST_PARENT_ST_ID,
			CATEGORY.ST_ROOT_ST_ID);

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

	/** Recomputes path, depth and root of every node reachable from a root; touches only rows that differ. */
	private static final String REBUILD = """
			with recursive tree (st_id, path, depth, root_st_id) as (
				select st_id, text2ltree(st_id::text), 0, st_id from category
				where tenant_id = ? and parent_st_id is null and (?::bigint[] is null or st_id = any(?::bigint[]))
				union all
				select c.st_id, t.path || text2ltree(c.st_id::text), t.depth + 1, t.root_st_id
				from category c join tree t on c.parent_st_id = t.st_id
				where c.tenant_id = ?
			)
			update category c set path = tree.path, depth = tree.depth, root_st_id = tree.root_st_id
			from tree
			where c.tenant_id = ? and c.st_id = tree.st_id
				and (c.path, c.depth, c.root_st_id) is distinct from (tree.path, tree.depth, tree.root_st_id)
			returning c.st_id""";

	private final DSLContext dsl;

	/**
	 * Inserts or updates rows: {@code effective} into the columns users see, {@code st} into the
	 * ServiceTitan columns; a row whose values are all equal stays untouched.
	 */
	public void upsert(String tenantId, List<NodeWrite> writes, @Nullable UUID syncRunId, OffsetDateTime now) {

		for (int from = 0; from < writes.size(); from += CHUNK) {
			var insert = dsl.insertInto(CATEGORY, CATEGORY.TENANT_ID, CATEGORY.ST_ID, CATEGORY.PARENT_ST_ID,
					CATEGORY.ROOT_ST_ID, CATEGORY.DEPTH, CATEGORY.PATH, CATEGORY.NAME, CATEGORY.DESCRIPTION,
					CATEGORY.IMAGE_PATH, CATEGORY.POSITION, CATEGORY.ACTIVE, CATEGORY.BUSINESS_UNIT_IDS,
					CATEGORY.CATEGORY_TYPE, CATEGORY.CREATED_ON, CATEGORY.MODIFIED_ON, CATEGORY.LAST_SYNCED_AT,
					CATEGORY.LAST_SYNC_RUN_ID, CATEGORY.ST_NAME, CATEGORY.ST_IMAGE_PATH, CATEGORY.ST_POSITION,
					CATEGORY.ST_PARENT_ST_ID, CATEGORY.ST_ROOT_ST_ID);
			for (var write : writes.subList(from, Math.min(from + CHUNK, writes.size()))) {
				var node = write.effective();
				var st = write.st();
				insert = insert.values(tenantId, node.stId(), node.parentStId(), node.rootStId(), node.depth(),
						Ltree.valueOf(node.path()), node.name(), node.description(), node.imagePath(), node.position(),
						node.active(), node.businessUnitIds().toArray(Long[]::new), node.categoryType(),
						Timestamps.offset(node.createdOn()), Timestamps.offset(node.modifiedOn()), now, syncRunId, st.name(), st.imagePath(),
						st.position(), st.parentStId(), st.rootStId());
			}
			insert.onConflict(CATEGORY.TENANT_ID, CATEGORY.ST_ID)
				.doUpdate()
				.set(Upserts.fromExcluded(SYNCED))
				.set(Upserts.fromExcluded(CATEGORY.LAST_SYNCED_AT, CATEGORY.LAST_SYNC_RUN_ID))
				.where(row(SYNCED).isDistinctFrom(row(Upserts.excluded(SYNCED))))
				.execute();
		}
	}

	/**
	 * Deactivates the active nodes that ServiceTitan had in {@code stScope} ({@link CategoryRows#inStTree},
	 * {@link CategoryRows#belowInSt}) and that are not among {@code presentStIds}: they disappeared from
	 * ServiceTitan. Returns them as they are now.
	 */
	public List<CategoryNode> deactivateAbsent(Condition stScope, Collection<Long> presentStIds,
			@Nullable UUID syncRunId, OffsetDateTime now) {
		return deactivate(stScope.and(CATEGORY.ST_ID.ne(all(presentStIds.toArray(Long[]::new)))), val(syncRunId), now);
	}

	/**
	 * Deactivates the active nodes of every tree whose root is not among {@code rootStIds}: after a full
	 * run those roots are gone from ServiceTitan. Returns them as they are now.
	 */
	public List<CategoryNode> deactivateOutside(String tenantId, Collection<Long> rootStIds, UUID syncRunId,
			OffsetDateTime now) {
		return deactivate(CATEGORY.TENANT_ID.eq(tenantId)
			.and(CATEGORY.ST_ID.gt(0L))
			.and(CATEGORY.ST_ROOT_ST_ID.ne(all(rootStIds.toArray(Long[]::new)))), val(syncRunId), now);
	}

	/**
	 * Deactivates the item and its active descendants, as a sync does for what disappeared from
	 * ServiceTitan (outside a sync run: the rows keep their last run).
	 */
	public List<CategoryNode> deactivateSubtree(String tenantId, long stId, OffsetDateTime now) {
		return deactivate(CategoryRows.inSubtree(tenantId, stId).and(CATEGORY.ST_ID.gt(0L)), CATEGORY.LAST_SYNC_RUN_ID,
				now);
	}

	/**
	 * Deactivates the active rows in {@code scope}. Rows with pending local changes other than a delete
	 * are left to conflict detection; a pending local delete is settled (ServiceTitan deleted it too).
	 */
	private List<CategoryNode> deactivate(Condition scope, Field<UUID> syncRunId, OffsetDateTime now) {
		return dsl.update(CATEGORY)
			.set(CATEGORY.ACTIVE, false)
			.set(CATEGORY.LAST_SYNCED_AT, now)
			.set(CATEGORY.LAST_SYNC_RUN_ID, syncRunId)
			.set(CATEGORY.LOCAL_STATUS, LocalState.NONE)
			.set(CATEGORY.PENDING_FIELDS, new String[0])
			.setNull(CATEGORY.PENDING_SINCE)
			.setNull(CATEGORY.BASE_ST_MODIFIED_ON)
			.where(scope)
			.and(CATEGORY.ACTIVE)
			.and(CategoryRows.PENDING.not().or(CATEGORY.LOCAL_STATUS.eq(LocalState.DELETED)))
			.returningResult(CategoryRows.NODE)
			.fetch(Record1::value1);
	}

	/** Writes {@code values} (column → value, {@code null} allowed) to the row. */
	public void update(String tenantId, long stId, Map<Field<?>, Object> values) {
		dsl.update(CATEGORY)
			.set(values)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.execute();
	}

	/**
	 * Column values that mark {@code fields} pending on top of what already is: the item's base becomes
	 * ServiceTitan's modifiedOn when its first local change begins, and its local version advances.
	 */
	public static Map<Field<?>, Object> pendingValues(StoredNode stored, Collection<String> fields,
			OffsetDateTime now) {

		var local = stored.local();
		var values = new HashMap<Field<?>, Object>();
		var all = Stream.concat(local.pendingFields().stream(), fields.stream())
			.distinct()
			.sorted(Comparator.comparingInt(LocalState.ST_FIELDS::indexOf))
			.toArray(String[]::new);
		values.put(CATEGORY.PENDING_FIELDS, all);
		values.put(CATEGORY.LOCAL_VERSION, local.localVersion() + 1);
		if (!local.pending()) {
			values.put(CATEGORY.PENDING_SINCE, now);
			values.put(CATEGORY.BASE_ST_MODIFIED_ON, Timestamps.offset(stored.node().modifiedOn()));
		}
		return values;
	}

	/** Column values of the item's last push error; all {@code null} clears it. */
	public static Map<Field<?>, Object> errorValues(@Nullable Integer status, @Nullable String message,
			@Nullable OffsetDateTime at, @Nullable UUID pushId, @Nullable UUID commandId) {

		var values = new HashMap<Field<?>, Object>();
		values.put(CATEGORY.PUSH_ERROR_STATUS, status);
		values.put(CATEGORY.PUSH_ERROR_MESSAGE, message);
		values.put(CATEGORY.PUSH_ERROR_AT, at);
		values.put(CATEGORY.PUSH_ERROR_PUSH_ID, pushId);
		values.put(CATEGORY.PUSH_ERROR_COMMAND_ID, commandId);
		return values;
	}

	/**
	 * Column values that make an item ServiceTitan deleted a pending create of all its local values
	 * (the image only when a local one exists).
	 */
	public static Map<Field<?>, Object> recreateValues(StoredNode stored) {

		var values = new HashMap<Field<?>, Object>();
		values.put(CATEGORY.LOCAL_STATUS, LocalState.CREATED);
		values.put(CATEGORY.PENDING_FIELDS, LocalState.ST_FIELDS.stream()
			.filter(f -> !LocalState.IMAGE.equals(f) || stored.local().overrideImageUploadId() != null)
			.toArray(String[]::new));
		return values;
	}

	/** Links the item to its unresolved conflict. */
	public void linkConflict(String tenantId, long stId, UUID conflictId) {
		dsl.update(CATEGORY)
			.set(CATEGORY.CONFLICT_ID, conflictId)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.execute();
	}

	/** Unlinks the item from its conflict, once resolved. */
	public void unlinkConflict(String tenantId, long stId) {
		dsl.update(CATEGORY)
			.setNull(CATEGORY.CONFLICT_ID)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.execute();
	}

	/** Renumbers the children of {@code parentStId} with the node at {@code position}; returns changed ids. */
	public List<Long> renumber(String tenantId, @Nullable Long parentStId, long stId, int position,
			OffsetDateTime now) {
		return dsl.resultQuery(RENUMBER, tenantId, parentStId, stId, position, stId, position, LocalState.POSITION,
				LocalState.POSITION, now, tenantId)
			.fetch(r -> r.get(0, Long.class));
	}

	/** Moves the node (and its subtree) under {@code parent}, marking its parent pending. */
	public void move(String tenantId, CategoryNode node, CategoryNode parent, OffsetDateTime now) {

		dsl.execute(MARK_PARENT, parent.stId(), LocalState.PARENT, LocalState.PARENT, now, tenantId, node.stId());
		dsl.execute(MOVE, parent.path(), node.path(), parent.path(), node.path(), parent.rootStId(), tenantId,
				node.path());
	}

	/** Rebuilds paths from the effective parents; returns the ids of the rows whose path, depth or root changed. */
	public List<Long> rebuildPaths(String tenantId) {
		return dsl.resultQuery(REBUILD, tenantId, null, null, tenantId, tenantId).fetch(r -> r.get(0, Long.class));
	}

	/**
	 * Rebuilds the paths of the trees of {@code rootStIds} (effective roots) only: a sync of one root touches
	 * no other tree, and rebuilding the whole tenant after each root made a sync quadratic in its size. Returns
	 * the ids of the rows whose path, depth or root changed.
	 */
	public List<Long> rebuildPaths(String tenantId, Collection<Long> rootStIds) {

		if (rootStIds.isEmpty()) {
			return List.of();
		}
		var roots = rootStIds.toArray(Long[]::new);
		return dsl.resultQuery(REBUILD, tenantId, roots, roots, tenantId, tenantId).fetch(r -> r.get(0, Long.class));
	}

	/** A provisional id for a local create: negative, never ServiceTitan's. */
	public long nextLocalId() {
		return -dsl.nextval("category_local_id").longValue();
	}

	/** Inserts a local create under {@code parent} at the end of its children, pending for {@code pending}. */
	public void insertCreated(String tenantId, long stId, CategoryNode parent, @Nullable String name,
			@Nullable UUID imageUploadId, boolean visibleCrm, List<String> pending, OffsetDateTime now) {

		var position = dsl.fetchCount(CATEGORY,
				CATEGORY.TENANT_ID.eq(tenantId).and(CATEGORY.PARENT_ST_ID.eq(parent.stId())));
		dsl.insertInto(CATEGORY)
			.set(CATEGORY.TENANT_ID, tenantId)
			.set(CATEGORY.ST_ID, stId)
			.set(CATEGORY.PARENT_ST_ID, parent.stId())
			.set(CATEGORY.ROOT_ST_ID, parent.rootStId())
			.set(CATEGORY.DEPTH, parent.depth() + 1)
			.set(CATEGORY.PATH, Ltree.valueOf(parent.path() + "." + stId))
			.set(CATEGORY.NAME, name)
			.set(CATEGORY.POSITION, position)
			.set(CATEGORY.ACTIVE, true)
			.set(CATEGORY.CATEGORY_TYPE, parent.categoryType())
			.set(CATEGORY.LAST_SYNCED_AT, now)
			.set(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, imageUploadId)
			.set(CATEGORY.VISIBLE_CRM, visibleCrm)
			.set(CATEGORY.LOCAL_STATUS, LocalState.CREATED)
			.set(CATEGORY.PENDING_FIELDS, pending.toArray(String[]::new))
			.set(CATEGORY.PENDING_SINCE, now)
			.set(CATEGORY.LOCAL_VERSION, 1)
			.execute();
	}

	/** Removes a local create that was never pushed. */
	public void deleteCreated(String tenantId, long stId) {
		dsl.deleteFrom(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.and(CATEGORY.LOCAL_STATUS.eq(LocalState.CREATED))
			.execute();
	}

	/** Marks rows no longer pending: ServiceTitan holds their local values (already written as effective). */
	public void settle(String tenantId, Collection<Long> stIds) {

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

	/**
	 * Replaces the id {@code oldId} by {@code newId} in its row, in its children's parent references and
	 * in the paths of its whole subtree, in one statement.
	 */
	public int replaceId(String tenantId, long oldId, long newId) {

		var old = CATEGORY.as("old_len");
		Field<Integer> label = field(select(field("nlevel({0})", Integer.class, old.PATH)).from(old)
			.where(old.TENANT_ID.eq(tenantId))
			.and(old.ST_ID.eq(oldId))).minus(inline(1));
		Field<Ltree> path = field("subpath({0}, 0, {1}) || text2ltree({2}) || case when nlevel({0}) > {1} + 1 "
				+ "then subpath({0}, {1} + 1) else ''::ltree end", CATEGORY.PATH.getDataType(), CATEGORY.PATH, label,
				inline(Long.toString(newId)));
		return dsl.update(CATEGORY)
			.set(CATEGORY.PATH, path)
			.set(CATEGORY.ST_ID, field("case when {0} = {1} then {2} else {0} end", SQLDataType.BIGINT, CATEGORY.ST_ID,
					inline(oldId), inline(newId)))
			.set(CATEGORY.PARENT_ST_ID, field("case when {0} = {1} then {2} else {0} end", SQLDataType.BIGINT,
					CATEGORY.PARENT_ST_ID, inline(oldId), inline(newId)))
			.where(CategoryRows.inSubtree(tenantId, oldId))
			.execute();
	}

	/** Removes the item and its subtree (locally deleted descendants). */
	public int deleteSubtree(String tenantId, long stId) {
		return dsl.deleteFrom(CATEGORY).where(CategoryRows.inSubtree(tenantId, stId)).execute();
	}

}
