package io.lazi.pricebook.category;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Row-level reads and writes of local edits; every statement is scoped to one tenant. */
@Repository
class EditRepository {

	private final DSLContext dsl;

	EditRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The row, locked until the transaction ends. */
	Optional<StoredNode> lock(String tenantId, long stId) {
		return dsl.select(CategoryRepository.STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.forUpdate()
			.fetchOptional(Record1::value1);
	}

	/** Writes {@code values} (column → value, {@code null} allowed) to the row. */
	void update(String tenantId, long stId, Map<Field<?>, Object> values) {
		dsl.update(CATEGORY)
			.set(values)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.execute();
	}

	/** Rows with unpushed local changes, oldest first. */
	List<StoredNode> pending(String tenantId) {
		return dsl.select(CategoryRepository.STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CategoryRepository.PENDING)
			.orderBy(CATEGORY.PENDING_SINCE, CATEGORY.DEPTH, CATEGORY.ST_ID)
			.fetch(Record1::value1);
	}

	/**
	 * Column values that mark {@code fields} pending on top of what already is: the item's base becomes
	 * ServiceTitan's modifiedOn when its first local change begins, and its local version advances.
	 */
	static Map<Field<?>, Object> pendingValues(StoredNode stored, Collection<String> fields, OffsetDateTime now) {

		var local = stored.local();
		var values = new HashMap<Field<?>, Object>();
		var all = Stream.concat(local.pendingFields().stream(), fields.stream())
			.distinct()
			.sorted(Comparator.comparingInt(SyncMerge.ST_FIELDS::indexOf))
			.toArray(String[]::new);
		values.put(CATEGORY.PENDING_FIELDS, all);
		values.put(CATEGORY.LOCAL_VERSION, local.localVersion() + 1);
		if (!local.pending()) {
			values.put(CATEGORY.PENDING_SINCE, now);
			values.put(CATEGORY.BASE_ST_MODIFIED_ON, CategoryRepository.offset(stored.node().modifiedOn()));
		}
		return values;
	}

	/** Column values that drop every local change: the item is ServiceTitan's again. */
	static Map<Field<?>, Object> clearedValues(StoredNode stored) {

		var local = stored.local();
		var values = new HashMap<Field<?>, Object>();
		values.put(CATEGORY.NAME, local.stName());
		values.put(CATEGORY.IMAGE_PATH, local.stImagePath());
		values.put(CATEGORY.POSITION, local.stPosition());
		values.put(CATEGORY.PARENT_ST_ID, local.stParentStId());
		values.put(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, null);
		values.put(CATEGORY.LOCAL_STATUS, LocalState.NONE);
		values.put(CATEGORY.PENDING_FIELDS, new String[0]);
		values.put(CATEGORY.PENDING_SINCE, null);
		values.put(CATEGORY.BASE_ST_MODIFIED_ON, null);
		values.put(CATEGORY.LOCAL_VERSION, local.localVersion() + 1);
		values.putAll(errorValues(null, null, null, null, null));
		return values;
	}

	static Map<Field<?>, Object> errorValues(@Nullable Integer status, @Nullable String message,
			@Nullable OffsetDateTime at, @Nullable UUID pushId, @Nullable UUID commandId) {

		var values = new HashMap<Field<?>, Object>();
		values.put(CATEGORY.PUSH_ERROR_STATUS, status);
		values.put(CATEGORY.PUSH_ERROR_MESSAGE, message);
		values.put(CATEGORY.PUSH_ERROR_AT, at);
		values.put(CATEGORY.PUSH_ERROR_PUSH_ID, pushId);
		values.put(CATEGORY.PUSH_ERROR_COMMAND_ID, commandId);
		return values;
	}
}
