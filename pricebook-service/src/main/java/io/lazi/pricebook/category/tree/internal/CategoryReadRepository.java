package io.lazi.pricebook.category.tree.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.SYNC_APPLY;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.tree.CategoryView;
import io.lazi.pricebook.jooq.tables.Category;
import io.lazi.pricebook.listing.ActiveFilter;
import io.lazi.platform.web.PageRequest;

/** Reads of the category tree for the REST API; every query is scoped to one tenant. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryReadRepository {

	private static final Category CHILD = CATEGORY.as("child");

	private static final Field<Integer> CHILD_COUNT = field(selectCount().from(CHILD)
		.where(CHILD.TENANT_ID.eq(CATEGORY.TENANT_ID))
		.and(CHILD.PARENT_ST_ID.eq(CATEGORY.ST_ID)));

	private final DSLContext dsl;

	public List<CategoryView> roots(Tenant tenant, ActiveFilter filter, PageRequest page) {
		return views().from(CATEGORY)
			.where(isRoot(tenant, filter))
			.orderBy(CATEGORY.POSITION, CATEGORY.ST_ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch(CategoryReadRepository::view);
	}

	public long countRoots(Tenant tenant, ActiveFilter filter) {
		return dsl.fetchCount(CATEGORY, isRoot(tenant, filter));
	}

	public Optional<CategoryView> find(Tenant tenant, long stId) {
		return views().from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenant.id()))
			.and(CATEGORY.ST_ID.eq(stId))
			.fetchOptional(CategoryReadRepository::view);
	}

	/** The node and all its descendants, in one round trip; empty when the node does not exist. */
	public List<CategoryView> subtree(Tenant tenant, long stId, boolean withDeleted) {
		return views().from(CATEGORY)
			.where(CategoryRows.inSubtree(tenant.id(), stId))
			.and(shown(stId, withDeleted))
			.orderBy(CATEGORY.DEPTH, CATEGORY.PARENT_ST_ID, CATEGORY.POSITION, CATEGORY.ST_ID)
			.fetch(CategoryReadRepository::view);
	}

	/** The node's descendants, without the node, by depth, parent and position. */
	public List<CategoryView> descendants(Tenant tenant, long stId, boolean withDeleted, PageRequest page) {
		return views().from(CATEGORY)
			.where(CategoryRows.inSubtree(tenant.id(), stId))
			.and(shown(stId, withDeleted))
			.and(CATEGORY.ST_ID.ne(stId))
			.orderBy(CATEGORY.DEPTH, CATEGORY.PARENT_ST_ID, CATEGORY.POSITION, CATEGORY.ST_ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch(CategoryReadRepository::view);
	}

	public long countDescendants(Tenant tenant, long stId, boolean withDeleted) {
		return dsl.fetchCount(CATEGORY,
				CategoryRows.inSubtree(tenant.id(), stId).and(CATEGORY.ST_ID.ne(stId)).and(shown(stId, withDeleted)));
	}

	/** Active subcategories per depth, ascending. */
	public List<DepthCount> activeSubcategoriesByDepth(Tenant tenant) {
		return dsl.select(CATEGORY.DEPTH, count())
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenant.id()))
			.and(CATEGORY.PARENT_ST_ID.isNotNull())
			.and(CATEGORY.ACTIVE)
			.groupBy(CATEGORY.DEPTH)
			.orderBy(CATEGORY.DEPTH)
			.fetch(r -> new DepthCount(r.value1(), r.value2()));
	}

	public Totals totals(Tenant tenant) {

		var subcategory = CATEGORY.PARENT_ST_ID.isNotNull();
		return dsl.select(count().filterWhere(CATEGORY.PARENT_ST_ID.isNull().and(CATEGORY.ACTIVE)),
				count().filterWhere(subcategory.and(CATEGORY.ACTIVE)),
				count().filterWhere(subcategory.and(CATEGORY.ACTIVE)
					.and(CATEGORY.IMAGE_PATH.isNotNull())
					.and(CATEGORY.IMAGE_PATH.ne(""))),
				count().filterWhere(CATEGORY.ACTIVE.isFalse()))
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenant.id()))
			.fetchSingle(r -> new Totals(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	/** The sync run applied most recently, if any. */
	public Optional<LastRun> lastRun(Tenant tenant) {
		return dsl.select(SYNC_APPLY.SYNC_RUN_ID, SYNC_APPLY.UPDATED_AT)
			.from(SYNC_APPLY)
			.where(SYNC_APPLY.TENANT_ID.eq(tenant.id()))
			// A run st-ingest completed is applied only once every root of it is: then it is announced.
			.and(SYNC_APPLY.SYNCED_PUBLISHED)
			.orderBy(SYNC_APPLY.UPDATED_AT.desc())
			.limit(1)
			.fetchOptional(r -> new LastRun(r.value1(), r.value2().toInstant()));
	}

	private SelectSelectStep<Record4<CategoryNode, LocalState, OffsetDateTime, Integer>> views() {
		return dsl.select(CategoryRows.NODE, CategoryRows.LOCAL, CATEGORY.LAST_SYNCED_AT, CHILD_COUNT);
	}

	private static CategoryView view(Record4<CategoryNode, LocalState, OffsetDateTime, Integer> record) {
		return CategoryView.of(record.value1(), record.value2(), record.value3().toInstant(), record.value4());
	}

	private static Condition isRoot(Tenant tenant, ActiveFilter filter) {

		var root = CATEGORY.TENANT_ID.eq(tenant.id()).and(CATEGORY.PARENT_ST_ID.isNull());
		return switch (filter) {
			case ACTIVE -> root.and(CATEGORY.ACTIVE).and(CATEGORY.LOCAL_STATUS.ne(LocalState.DELETED));
			case INACTIVE -> root.and(CATEGORY.ACTIVE.isFalse());
			case ALL -> root;
		};
	}

	/** Hides nodes pending a local delete unless {@code withDeleted}; the anchor always shows. */
	private static Condition shown(long anchorStId, boolean withDeleted) {
		return withDeleted ? DSL.noCondition()
				: CATEGORY.LOCAL_STATUS.ne(LocalState.DELETED).or(CATEGORY.ST_ID.eq(anchorStId));
	}

	/** Active subcategories at one depth. */
	public record DepthCount(int depth, int count) {
	}

	/** Node counts of a tenant. */
	public record Totals(int roots, int subcategories, int withImage, int inactive) {
	}

	/** The sync run applied last and when. */
	public record LastRun(UUID syncRunId, Instant appliedAt) {
	}
}
