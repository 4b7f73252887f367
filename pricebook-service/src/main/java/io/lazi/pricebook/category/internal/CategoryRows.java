package io.lazi.pricebook.category.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static org.jooq.impl.DSL.all;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.cardinality;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectField;
import org.jooq.postgres.extensions.types.Ltree;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.pricebook.listing.Timestamps;

/**
 * Reads and locks rows of the {@code category} table for the category features, with the select
 * fields and conditions they share; {@link CategoryTable} alone writes them. Every statement is scoped
 * to one tenant; a {@code lock…} method holds {@code FOR UPDATE} row locks until the transaction ends
 * (the REST listings read through the tree's own read model).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryRows {

	/** A stored row as a node: ServiceTitan values and tree position. */
	public static final SelectField<CategoryNode> NODE = row(CATEGORY.ST_ID, CATEGORY.PARENT_ST_ID, CATEGORY.ROOT_ST_ID,
			CATEGORY.DEPTH, CATEGORY.PATH.convertFrom(Ltree::data), CATEGORY.NAME, CATEGORY.DESCRIPTION,
			CATEGORY.IMAGE_PATH, CATEGORY.POSITION, CATEGORY.ACTIVE,
			CATEGORY.BUSINESS_UNIT_IDS.convertFrom(ids -> List.of(ids)), CATEGORY.CATEGORY_TYPE,
			CATEGORY.CREATED_ON.convertFrom(Timestamps::instant),
			CATEGORY.MODIFIED_ON.convertFrom(Timestamps::instant))
		.mapping(CategoryNode::new);

	/** A stored row's ServiceTitan values and local edit state. */
	public static final SelectField<LocalState> LOCAL = row(CATEGORY.ST_NAME, CATEGORY.ST_IMAGE_PATH, CATEGORY.ST_POSITION,
			CATEGORY.ST_PARENT_ST_ID, CATEGORY.ST_ROOT_ST_ID, CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, CATEGORY.VISIBLE_CRM,
			CATEGORY.LOCAL_STATUS, CATEGORY.PENDING_FIELDS.convertFrom(fields -> List.of(fields)),
			CATEGORY.PENDING_SINCE.convertFrom(Timestamps::instant),
			CATEGORY.BASE_ST_MODIFIED_ON.convertFrom(Timestamps::instant), CATEGORY.LOCAL_VERSION,
			CATEGORY.PUSH_ERROR_STATUS, CATEGORY.PUSH_ERROR_MESSAGE,
			CATEGORY.PUSH_ERROR_AT.convertFrom(Timestamps::instant), CATEGORY.PUSH_ERROR_PUSH_ID,
			CATEGORY.CONFLICT_ID)
		.mapping(LocalState::new);

	/** A stored row whole. */
	public static final SelectField<StoredNode> STORED = row(NODE, LOCAL).mapping(StoredNode::new);

	/** Rows with unpushed local changes. */
	public static final Condition PENDING = CATEGORY.LOCAL_STATUS.ne(LocalState.NONE)
		.or(cardinality(CATEGORY.PENDING_FIELDS).gt(0));

	private final DSLContext dsl;

	/** The row, locked until the transaction ends. */
	public Optional<StoredNode> lock(String tenantId, long stId) {
		return dsl.select(STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.forUpdate()
			.fetchOptional(Record1::value1);
	}

	/**
	 * The row, locked until the transaction ends.
	 *
	 * @throws ResourceNotFoundException when the tenant has no item {@code stId}
	 */
	public StoredNode lockOrNotFound(String tenantId, long stId) {
		return lock(tenantId, stId).orElseThrow(() -> notFound(stId));
	}

	/**
	 * The row, locked until the transaction ends, when it is a root ({@code subcategory} false) or a
	 * subcategory as asked.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such item of that kind
	 */
	public StoredNode lockKind(String tenantId, long stId, boolean subcategory) {

		var stored = lockOrNotFound(tenantId, stId);
		if (stored.node().isRoot() == subcategory) {
			throw notFound(stId);
		}
		return stored;
	}

	/** The answer to an item the tenant does not have; a negative id names a local create. */
	public static ResourceNotFoundException notFound(long stId) {
		return new ResourceNotFoundException(stId < 0 ? "Local category" : "Category", stId);
	}

	/** The stored rows among {@code stIds}, by id, locked until the transaction ends. */
	public Map<Long, StoredNode> lockExisting(String tenantId, Collection<Long> stIds) {
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
	 * Rows ServiceTitan had in {@code stScope} ({@link #inStTree}, {@link #belowInSt}), absent now, with a
	 * pending local update.
	 */
	public List<StoredNode> lockPendingAbsent(Condition stScope, Collection<Long> presentStIds) {
		return dsl.select(STORED)
			.from(CATEGORY)
			.where(stScope)
			.and(CATEGORY.ST_ID.ne(all(presentStIds.toArray(Long[]::new))))
			.and(PENDING)
			.and(CATEGORY.LOCAL_STATUS.ne(LocalState.DELETED))
			.forUpdate()
			.fetch(Record1::value1);
	}

	/**
	 * Rows of trees a full run no longer saw (their ServiceTitan root is not among {@code rootStIds}) that
	 * have a pending local change other than a delete: conflicts rather than deactivations.
	 */
	public List<StoredNode> lockPendingOutside(String tenantId, Collection<Long> rootStIds) {
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
	public int countActive(String tenantId) {
		return dsl.fetchCount(CATEGORY, CATEGORY.TENANT_ID.eq(tenantId).and(CATEGORY.ACTIVE));
	}

	/** Rows with unpushed local changes, oldest first. */
	public List<StoredNode> pending(String tenantId) {
		return dsl.select(STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(PENDING)
			.orderBy(CATEGORY.PENDING_SINCE, CATEGORY.DEPTH, CATEGORY.ST_ID)
			.fetch(Record1::value1);
	}

	/** The node and its descendants as stored now. */
	public List<CategoryNode> subtree(String tenantId, long stId) {
		return dsl.select(NODE)
			.from(CATEGORY)
			.where(inSubtree(tenantId, stId))
			.orderBy(CATEGORY.DEPTH, CATEGORY.ST_ID)
			.fetch(Record1::value1);
	}

	/** Deepest depth in the node's subtree. */
	public int deepest(String tenantId, CategoryNode node) {
		return dsl.select(max(CATEGORY.DEPTH))
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(condition("{0} <@ {1}", CATEGORY.PATH, Ltree.valueOf(node.path())))
			.fetchSingle()
			.value1();
	}

	/** Children that are not locally deleted, active or not. */
	public int liveChildren(String tenantId, long stId) {
		return dsl.fetchCount(CATEGORY, CATEGORY.TENANT_ID.eq(tenantId)
			.and(CATEGORY.PARENT_ST_ID.eq(stId))
			.and(CATEGORY.LOCAL_STATUS.ne(LocalState.DELETED)));
	}

	/**
	 * Where a reorder of {@code node} to {@code position} would put it among its siblings (all children of
	 * its parent, by position then id, as {@link CategoryTable#renumber} orders them) and where it is now.
	 */
	public SiblingIndex siblingIndex(String tenantId, CategoryNode node, int position) {

		var siblings = dsl.select(CATEGORY.ST_ID)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(node.parentStId() == null ? CATEGORY.PARENT_ST_ID.isNull() : CATEGORY.PARENT_ST_ID.eq(node.parentStId()))
			.orderBy(CATEGORY.POSITION, CATEGORY.ST_ID)
			.fetch(CATEGORY.ST_ID);
		return new SiblingIndex(siblings.indexOf(node.stId()), Math.min(position, siblings.size() - 1));
	}

	/**
	 * A node's index among its siblings now and the one a reorder asks for.
	 *
	 * @param current its index now, 0-based
	 * @param requested the index asked for, capped at the last one
	 */
	public record SiblingIndex(int current, int requested) {

		/** Whether the reorder would leave every sibling where it is. */
		public boolean unchanged() {
			return current == requested;
		}
	}

	/** Rows ServiceTitan has (or had, as last seen) in the tree of root {@code rootStId}. */
	public static Condition inStTree(String tenantId, long rootStId) {
		return CATEGORY.TENANT_ID.eq(tenantId).and(CATEGORY.ST_ROOT_ST_ID.eq(rootStId));
	}

	/**
	 * Rows ServiceTitan has (or had, as last seen) below {@code stId}, by its parents rather than the
	 * effective ones: a descendant moved elsewhere locally is still one, a local child is not.
	 */
	public static Condition belowInSt(String tenantId, long stId) {
		return CATEGORY.TENANT_ID.eq(tenantId).and(condition("""
				{0} in (with recursive below (st_id) as (
						select st_id from category where tenant_id = {1} and st_parent_st_id = {2}
						union
						select c.st_id from category c join below b on c.st_parent_st_id = b.st_id where c.tenant_id = {1})
					select st_id from below)""", CATEGORY.ST_ID, val(tenantId), val(stId)));
	}

	/** Rows of the tenant whose ltree path lies under the path of {@code stId} (that row included). */
	public static Condition inSubtree(String tenantId, long stId) {

		var anchor = CATEGORY.as("anchor");
		var anchorPath = field(select(anchor.PATH).from(anchor)
			.where(anchor.TENANT_ID.eq(tenantId))
			.and(anchor.ST_ID.eq(stId)));
		return CATEGORY.TENANT_ID.eq(tenantId).and(condition("{0} <@ {1}", CATEGORY.PATH, anchorPath));
	}
}
