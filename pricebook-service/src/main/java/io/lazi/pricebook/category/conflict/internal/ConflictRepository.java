package io.lazi.pricebook.category.conflict.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.CATEGORY_CONFLICT;
import static org.jooq.impl.DSL.selectOne;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.conflict.CategoryConflict;
import io.lazi.pricebook.listing.Timestamps;
import io.lazi.pricebook.listing.Upserts;

import tools.jackson.databind.json.JsonMapper;

/** The one writer of the {@code category_conflict} table; tenant-scoped. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConflictRepository {

	public static final String OPEN = "open";

	public static final String MANUAL = "manual";

	public static final String RESOLVED = "resolved";

	/** Strategy of a conflict closed because its item no longer exists. */
	public static final String GONE = "gone";

	private final DSLContext dsl;

	private final JsonMapper json;

	/**
	 * Opens a conflict of the item, or refreshes the snapshots and type of its unresolved one. Returns
	 * the conflict id and whether it is new.
	 */
	public Opened open(String tenantId, long stId, String type, Object local, @Nullable Object st, OffsetDateTime now) {

		var newId = UUID.randomUUID();
		var id = dsl.insertInto(CATEGORY_CONFLICT, CATEGORY_CONFLICT.ID, CATEGORY_CONFLICT.TENANT_ID,
				CATEGORY_CONFLICT.ST_ID, CATEGORY_CONFLICT.TYPE, CATEGORY_CONFLICT.STATUS, CATEGORY_CONFLICT.LOCAL,
				CATEGORY_CONFLICT.ST, CATEGORY_CONFLICT.DETECTED_AT)
			.values(newId, tenantId, stId, type, OPEN, jsonb(local), st == null ? null : jsonb(st), now)
			.onConflict(CATEGORY_CONFLICT.TENANT_ID, CATEGORY_CONFLICT.ST_ID)
			.where(CATEGORY_CONFLICT.STATUS.ne(RESOLVED))
			.doUpdate()
			.set(Upserts.fromExcluded(CATEGORY_CONFLICT.ST, CATEGORY_CONFLICT.LOCAL, CATEGORY_CONFLICT.TYPE))
			.returningResult(CATEGORY_CONFLICT.ID)
			.fetchSingle()
			.value1();
		return new Opened(id, id.equals(newId));
	}

	/**
	 * Resolves, with strategy {@value #GONE}, every unresolved conflict of the tenant whose item no longer
	 * exists; returns their ids.
	 */
	public List<UUID> resolveGone(String tenantId, OffsetDateTime now) {
		return dsl.update(CATEGORY_CONFLICT)
			.set(CATEGORY_CONFLICT.STATUS, RESOLVED)
			.set(CATEGORY_CONFLICT.STRATEGY, GONE)
			.set(CATEGORY_CONFLICT.RESOLVED_AT, now)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenantId))
			.and(CATEGORY_CONFLICT.STATUS.ne(RESOLVED))
			.andNotExists(selectOne().from(CATEGORY)
				.where(CATEGORY.TENANT_ID.eq(CATEGORY_CONFLICT.TENANT_ID))
				.and(CATEGORY.ST_ID.eq(CATEGORY_CONFLICT.ST_ID)))
			.returningResult(CATEGORY_CONFLICT.ID)
			.fetch(Record1::value1);
	}

	public List<CategoryConflict> list(Tenant tenant, Collection<String> statuses) {
		return dsl.selectFrom(CATEGORY_CONFLICT)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenant.id()))
			.and(CATEGORY_CONFLICT.STATUS.in(statuses))
			.orderBy(CATEGORY_CONFLICT.DETECTED_AT.desc(), CATEGORY_CONFLICT.ID)
			.fetch(this::conflict);
	}

	public Optional<CategoryConflict> lock(Tenant tenant, UUID id) {
		return dsl.selectFrom(CATEGORY_CONFLICT)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenant.id()))
			.and(CATEGORY_CONFLICT.ID.eq(id))
			.forUpdate()
			.fetchOptional(this::conflict);
	}

	public Optional<CategoryConflict> find(Tenant tenant, UUID id) {
		return dsl.selectFrom(CATEGORY_CONFLICT)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenant.id()))
			.and(CATEGORY_CONFLICT.ID.eq(id))
			.fetchOptional(this::conflict);
	}

	/** Sets the status and strategy. */
	public void settle(String tenantId, UUID id, String status, String strategy, OffsetDateTime now) {
		dsl.update(CATEGORY_CONFLICT)
			.set(CATEGORY_CONFLICT.STATUS, status)
			.set(CATEGORY_CONFLICT.STRATEGY, strategy)
			.set(CATEGORY_CONFLICT.RESOLVED_AT, RESOLVED.equals(status) ? now : null)
			.where(CATEGORY_CONFLICT.TENANT_ID.eq(tenantId))
			.and(CATEGORY_CONFLICT.ID.eq(id))
			.execute();
	}

	private CategoryConflict conflict(Record r) {

		var c = r.into(CATEGORY_CONFLICT);
		return new CategoryConflict(c.getId(), c.getStId(), c.getType(), c.getStatus(),
				json.readTree(c.getLocal().data()), c.getSt() == null ? null : json.readTree(c.getSt().data()),
				c.getDetectedAt().toInstant(), Timestamps.instant(c.getResolvedAt()), c.getStrategy());
	}

	private JSONB jsonb(Object value) {
		return JSONB.valueOf(json.writeValueAsString(value));
	}

	/** A conflict id and whether {@link #open} created it. */
	public record Opened(UUID id, boolean isNew) {
	}
}
