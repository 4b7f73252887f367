package io.lazi.pricebook.category;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.CATEGORY_CONFLICT;
import static org.jooq.impl.DSL.excluded;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The {@code category_conflict} rows of a tenant. */
@Repository
class ConflictRepository {

	static final String OPEN = "open";

	static final String MANUAL = "manual";

	static final String RESOLVED = "resolved";

	private final DSLContext dsl;

	private final JsonMapper json;

	ConflictRepository(DSLContext dsl, JsonMapper json) {
		this.dsl = dsl;
		this.json = json;
	}

	/**
	 * Opens a conflict of the item, or refreshes the snapshots and type of its unresolved one, and
	 * links the item to it. Returns the conflict id and whether it is new.
	 */
	Opened open(String tenantId, long stId, String type, Object local, @Nullable Object st, OffsetDateTime now) {

		var newId = UUID.randomUUID();
		var id = dsl.insertInto(CATEGORY_CONFLICT, CATEGORY_CONFLICT.ID, CATEGORY_CONFLICT.TENANT_ID,
				CATEGORY_CONFLICT.ST_ID, CATEGORY_CONFLICT.TYPE, CATEGORY_CONFLICT.STATUS, CATEGORY_CONFLICT.LOCAL,
				CATEGORY_CONFLICT.ST, CATEGORY_CONFLICT.DETECTED_AT)
			.values(newId, tenantId, stId, type, OPEN, jsonb(local), st == null ? null : jsonb(st), now)
			.onConflict(CATEGORY_CONFLICT.TENANT_ID, CATEGORY_CONFLICT.ST_ID)
			.where(CATEGORY_CONFLICT.STATUS.ne(RESOLVED))
			.doUpdate()
			.set(CATEGORY_CONFLICT.ST, excluded(CATEGORY_CONFLICT.ST))
			.set(CATEGORY_CONFLICT.LOCAL, excluded(CATEGORY_CONFLICT.LOCAL))
			.set(CATEGORY_CONFLICT.TYPE, excluded(CATEGORY_CONFLICT.TYPE))
			.returningResult(CATEGORY_CONFLICT.ID)
			.fetchSingle()
			.value1();
		dsl.update(CATEGORY)
			.set(CATEGORY.CONFLICT_ID, id)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CATEGORY.ST_ID.eq(stId))
			.execute();
		return new Opened(id, id.equals(newId));
	}

	List<CategoryConflict> list(String tenantId, Collection<String> statuses) {
		return dsl.selectFrom(CATEGORY_CONFLICT)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenantId))
			.and(CATEGORY_CONFLICT.STATUS.in(statuses))
			.orderBy(CATEGORY_CONFLICT.DETECTED_AT.desc(), CATEGORY_CONFLICT.ID)
			.fetch(this::conflict);
	}

	Optional<CategoryConflict> lock(String tenantId, UUID id) {
		return dsl.selectFrom(CATEGORY_CONFLICT)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenantId))
			.and(CATEGORY_CONFLICT.ID.eq(id))
			.forUpdate()
			.fetchOptional(this::conflict);
	}

	Optional<CategoryConflict> find(String tenantId, UUID id) {
		return dsl.selectFrom(CATEGORY_CONFLICT)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenantId))
			.and(CATEGORY_CONFLICT.ID.eq(id))
			.fetchOptional(this::conflict);
	}

	/** Sets the status and strategy; a resolved conflict also unlinks its item. */
	void settle(String tenantId, UUID id, long stId, String status, String strategy, OffsetDateTime now) {

		dsl.update(CATEGORY_CONFLICT)
			.set(CATEGORY_CONFLICT.STATUS, status)
			.set(CATEGORY_CONFLICT.STRATEGY, strategy)
			.set(CATEGORY_CONFLICT.RESOLVED_AT, RESOLVED.equals(status) ? now : null)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenantId))
			.and(CATEGORY_CONFLICT.ID.eq(id))
			.execute();
		if (RESOLVED.equals(status)) {
			dsl.update(CATEGORY)
				.setNull(CATEGORY.CONFLICT_ID)
				.where(CATEGORY.TENANT_ID.eq(tenantId))
				.and(CATEGORY.ST_ID.eq(stId))
				.execute();
		}
	}

	private CategoryConflict conflict(Record r) {

		var c = r.into(CATEGORY_CONFLICT);
		return new CategoryConflict(c.getId(), c.getStId(), c.getType(), c.getStatus(),
				json.readTree(c.getLocal().data()), c.getSt() == null ? null : json.readTree(c.getSt().data()),
				c.getDetectedAt().toInstant(), CategoryRepository.instant(c.getResolvedAt()), c.getStrategy());
	}

	private JSONB jsonb(Object value) {
		return JSONB.valueOf(json.writeValueAsString(value));
	}

	record Opened(UUID id, boolean isNew) {
	}
}
