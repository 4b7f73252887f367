package io.lazi.pricebook.category;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.CATEGORY_PUSH_ITEM;
import static org.jooq.impl.DSL.all;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.cardinality;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectField;
import org.jooq.postgres.extensions.types.Ltree;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Writes of the {@code category} table. Every method is scoped to one tenant; writes are set-based
 * and touch a row only when one of its ServiceTitan values differs.
 */
@Repository
class CategoryRepository {

	/** Rows per upsert statement: 22 parameters a row stay below PostgreSQL's 65,535 limit. */
	private static final int CHUNK = 1_000;

	/** A stored row as a node: ServiceTitan values and tree position. */
	static final SelectField<CategoryNode> NODE = row(CATEGORY.ST_ID, CATEGORY.PARENT_ST_ID, CATEGORY.ROOT_ST_ID,
			CATEGORY.DEPTH, CATEGORY.PATH.convertFrom(Ltree::data), CATEGORY.NAME, CATEGORY.DESCRIPTION,
			CATEGORY.IMAGE_PATH, CATEGORY.POSITION, CATEGORY.ACTIVE,
			CATEGORY.BUSINESS_UNIT_IDS.convertFrom(ids -> List.of(ids)), CATEGORY.CATEGORY_TYPE,
			CATEGORY.CREATED_ON.convertFrom(CategoryRepository::instant),
			CATEGORY.MODIFIED_ON.convertFrom(CategoryRepository::instant))
		.mapping(CategoryNode::new);

	/** A stored row's ServiceTitan values and local edit state. */
	static final SelectField<LocalState> LOCAL = row(CATEGORY.ST_NAME, CATEGORY.ST_IMAGE_PATH, CATEGORY.ST_POSITION,
			CATEGORY.ST_PARENT_ST_ID, CATEGORY.ST_ROOT_ST_ID, CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, CATEGORY.VISIBLE_CRM,
			CATEGORY.LOCAL_STATUS, CATEGORY.PENDING_FIELDS.convertFrom(fields -> List.of(fields)),
			CATEGORY.PENDING_SINCE.convertFrom(CategoryRepository::instant),
			CATEGORY.BASE_ST_MODIFIED_ON.convertFrom(CategoryRepository::instant), CATEGORY.LOCAL_VERSION,
			CATEGORY.PUSH_ERROR_STATUS, CATEGORY.PUSH_ERROR_MESSAGE,
			CATEGORY.PUSH_ERROR_AT.convertFrom(CategoryRepository::instant), CATEGORY.PUSH_ERROR_PUSH_ID,
			CATEGORY.CONFLICT_ID)
		.mapping(LocalState::new);

	/** A stored row whole. */
	static final SelectField<StoredNode> STORED = row(NODE, LOCAL).mapping(StoredNode::new);

	/** Rows with unpushed local changes. */
	static final Condition PENDING = CATEGORY.LOCAL_STATUS.ne(LocalState.NONE)
		.or(cardinality(CATEGORY.PENDING_FIELDS).gt(0));

	private final DSLContext dsl;

	CategoryRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The stored rows among {@code stIds}, by id, locked until the transaction ends. */
	Map<Long, StoredNode> lockExisting(String tenantId, Collection<Long> stIds) {
		return dsl.select(STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(any(stIds.toArray(Long[]::new))))
			.forUpdate()
			.fetch(Record1::value1)
			.stream()
			.collect(Collectors.toMap(s -> s.node().stId(), Function.identity()));
	}

	/**
	 * Inserts or updates rows: {@code effective} into the columns users see, {@code st} into the
	 * ServiceTitan columns; a row whose values are all equal stays untouched.
	 */
	void upsert(String tenantId, List<NodeWrite> writes, @Nullable UUID syncRunId, OffsetDateTime now) {

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
						offset(node.createdOn()), offset(node.modifiedOn()), now, syncRunId, st.name(), st.imagePath(),
						st.position(), st.parentStId(), st.rootStId());
			}
			insert.onConflict(CATEGORY.TENANT_ID, CATEGORY.ST_ID)
				.doUpdate()
				.set(CATEGORY.PARENT_ST_ID, excluded(CATEGORY.PARENT_ST_ID))
				.set(CATEGORY.ROOT_ST_ID, excluded(CATEGORY.ROOT_ST_ID))
				.set(CATEGORY.DEPTH, excluded(CATEGORY.DEPTH))
				.set(CATEGORY.PATH, excluded(CATEGORY.PATH))
				.set(CATEGORY.NAME, excluded(CATEGORY.NAME))
				.set(CATEGORY.DESCRIPTION, excluded(CATEGORY.DESCRIPTION))
				.set(CATEGORY.IMAGE_PATH, excluded(CATEGORY.IMAGE_PATH))
				.set(CATEGORY.POSITION, excluded(CATEGORY.POSITION))
				.set(CATEGORY.ACTIVE, excluded(CATEGORY.ACTIVE))
				.set(CATEGORY.BUSINESS_UNIT_IDS, excluded(CATEGORY.BUSINESS_UNIT_IDS))
				.set(CATEGORY.CATEGORY_TYPE, excluded(CATEGORY.CATEGORY_TYPE))
				.set(CATEGORY.CREATED_ON, excluded(CATEGORY.CREATED_ON))
				.set(CATEGORY.MODIFIED_ON, excluded(CATEGORY.MODIFIED_ON))
				.set(CATEGORY.LAST_SYNCED_AT, excluded(CATEGORY.LAST_SYNCED_AT))
				.set(CATEGORY.LAST_SYNC_RUN_ID, excluded(CATEGORY.LAST_SYNC_RUN_ID))
				.set(CATEGORY.ST_NAME, excluded(CATEGORY.ST_NAME))
				.set(CATEGORY.ST_IMAGE_PATH, excluded(CATEGORY.ST_IMAGE_PATH))
				.set(CATEGORY.ST_POSITION, excluded(CATEGORY.ST_POSITION))
				.set(CATEGORY.ST_PARENT_ST_ID, excluded(CATEGORY.ST_PARENT_ST_ID))
				.set(CATEGORY.ST_ROOT_ST_ID, excluded(CATEGORY.ST_ROOT_ST_ID))
				.where(row(CATEGORY.PARENT_ST_ID, CATEGORY.ROOT_ST_ID, CATEGORY.DEPTH, CATEGORY.PATH, CATEGORY.NAME,
						CATEGORY.DESCRIPTION, CATEGORY.IMAGE_PATH, CATEGORY.POSITION, CATEGORY.ACTIVE,
						CATEGORY.BUSINESS_UNIT_IDS, CATEGORY.CATEGORY_TYPE, CATEGORY.CREATED_ON, CATEGORY.MODIFIED_ON,
						CATEGORY.ST_NAME, CATEGORY.ST_IMAGE_PATH, CATEGORY.ST_POSITION, CATEGORY.ST_PARENT_ST_ID,
						CATEGORY.ST_ROOT_ST_ID)
					.isDistinctFrom(row(excluded(CATEGORY.PARENT_ST_ID), excluded(CATEGORY.ROOT_ST_ID),
							excluded(CATEGORY.DEPTH), excluded(CATEGORY.PATH), excluded(CATEGORY.NAME),
							excluded(CATEGORY.DESCRIPTION), excluded(CATEGORY.IMAGE_PATH), excluded(CATEGORY.POSITION),
							excluded(CATEGORY.ACTIVE), excluded(CATEGORY.BUSINESS_UNIT_IDS),
							excluded(CATEGORY.CATEGORY_TYPE), excluded(CATEGORY.CREATED_ON),
							excluded(CATEGORY.MODIFIED_ON), excluded(CATEGORY.ST_NAME), excluded(CATEGORY.ST_IMAGE_PATH),
							excluded(CATEGORY.ST_POSITION), excluded(CATEGORY.ST_PARENT_ST_ID),
							excluded(CATEGORY.ST_ROOT_ST_ID))))
				.execute();
		}
	}

	/**
	 * Deactivates the active nodes that ServiceTitan had in the tree of {@code rootStId} and that are not
	 * among {@code presentStIds}: they disappeared from ServiceTitan. Rows with pending local changes
	 * other than a delete are left to conflict detection; a pending local delete is settled (ServiceTitan
	 * deleted it too). Returns them as they are now.
	 */
	List<CategoryNode> deactivateAbsent(String tenantId, long rootStId, Collection<Long> presentStIds, @Nullable UUID syncRunId,
			OffsetDateTime now) {
		return dsl.update(CATEGORY)
			.set(CATEGORY.ACTIVE, false)
			.set(CATEGORY.LAST_SYNCED_AT, now)
			.set(CATEGORY.LAST_SYNC_RUN_ID, syncRunId)
			.set(CATEGORY.LOCAL_STATUS, LocalState.NONE)
			.set(CATEGORY.PENDING_FIELDS, new String[0])
			.setNull(CATEGORY.PENDING_SINCE)
			.setNull(CATEGORY.BASE_ST_MODIFIED_ON)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ROOT_ST_ID.eq(rootStId))
			.and(CATEGORY.ACTIVE)
			.and(CATEGORY.ST_ID.ne(all(presentStIds.toArray(Long[]::new))))
			.and(PENDING.not().or(CATEGORY.LOCAL_STATUS.eq(LocalState.DELETED)))
			.returningResult(NODE)
			.fetch(Record1::value1);
	}

	/** Rows ServiceTitan had in the tree of {@code rootStId}, absent now, with a pending local update. */
	List<StoredNode> lockPendingAbsent(String tenantId, long rootStId, Collection<Long> presentStIds) {
		return dsl.select(STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ROOT_ST_ID.eq(rootStId))
			.and(CATEGORY.ST_ID.ne(all(presentStIds.toArray(Long[]::new))))
			.and(PENDING)
			.and(CATEGORY.LOCAL_STATUS.ne(LocalState.DELETED))
			.forUpdate()
			.fetch(Record1::value1);
	}

	/**
	 * Deactivates the active nodes of every tree whose root is not among {@code rootStIds}: after a full
	 * run those roots are gone from ServiceTitan. Returns them as they are now.
	 */
	List<CategoryNode> deactivateOutside(String tenantId, Collection<Long> rootStIds, UUID syncRunId,
			OffsetDateTime now) {
		return dsl.update(CATEGORY)
			.set(CATEGORY.ACTIVE, false)
			.set(CATEGORY.LAST_SYNCED_AT, now)
			.set(CATEGORY.LAST_SYNC_RUN_ID, syncRunId)
			.set(CATEGORY.LOCAL_STATUS, LocalState.NONE)
			.set(CATEGORY.PENDING_FIELDS, new String[0])
			.setNull(CATEGORY.PENDING_SINCE)
			.setNull(CATEGORY.BASE_ST_MODIFIED_ON)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ACTIVE)
			.and(CATEGORY.ST_ID.gt(0L))
			.and(PENDING.not().or(CATEGORY.LOCAL_STATUS.eq(LocalState.DELETED)))
			.and(CATEGORY.ST_ROOT_ST_ID.ne(all(rootStIds.toArray(Long[]::new))))
			.returningResult(NODE)
			.fetch(Record1::value1);
	}

	/** The ids among {@code stIds} with a push command awaiting its outcome. */
	Set<Long> inFlight(String tenantId, Collection<Long> stIds) {
		return dsl.selectDistinct(CATEGORY_PUSH_ITEM.ST_ID)
			.from(CATEGORY_PUSH_ITEM)
			.where(CATEGORY_PUSH_ITEM.TENANT_ID.eq(tenantId))
			.and(CATEGORY_PUSH_ITEM.ST_ID.eq(any(stIds.toArray(Long[]::new))))
			.and(CATEGORY_PUSH_ITEM.STATUS.in(PushItem.WAITING, PushItem.SENT))
			.fetchSet(CATEGORY_PUSH_ITEM.ST_ID);
	}

	/**
	 * Rows of trees a full run no longer saw (their ServiceTitan root is not among {@code rootStIds}) that
	 * have a pending local change other than a delete: conflicts rather than deactivations.
	 */
	List<StoredNode> lockPendingOutside(String tenantId, Collection<Long> rootStIds) {
		return dsl.select(STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ACTIVE)
			.and(CATEGORY.ST_ID.gt(0L))
			.and(PENDING)
			.and(CATEGORY.LOCAL_STATUS.ne(LocalState.DELETED))
			.and(CATEGORY.ST_ROOT_ST_ID.ne(all(rootStIds.toArray(Long[]::new))))
			.forUpdate()
			.fetch(Record1::value1);
	}

	/** Active nodes (roots and subcategories) of the tenant. */
	int countActive(String tenantId) {
		return dsl.fetchCount(CATEGORY, CATEGORY.TENANT_ID.eq(tenantId).and(CATEGORY.ACTIVE));
	}

	static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
