package io.lazi.stingest.pricebook.persistence;

import static io.lazi.stingest.jooq.Tables.CATEGORY_SNAPSHOT;
import static io.lazi.stingest.jooq.Tables.RAW_CATEGORY;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.web.Tenant;

/**
 * Per-tenant state of the category pulls: the latest raw payload of each root ({@code raw_category}) and
 * the last seen state of every node ({@code category_snapshot}).
 * Every method filters by tenant; writes are set-based.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryStateRepository {

	private final DSLContext db;

	private final CloudEventCodec codec;

	/** Last seen state of every node of the tenant, by ServiceTitan id. */
	public Map<Long, NodeState> snapshot(Tenant tenant) {
		return db.selectFrom(CATEGORY_SNAPSHOT)
			.where(CATEGORY_SNAPSHOT.TENANT_ID.eq(tenant.id()))
			.fetch(r -> new NodeState(r.getStId(), r.getRootStId(),
					r.getModifiedOn() == null ? null : r.getModifiedOn().toInstant(), r.getImage()))
			.stream()
			.collect(Collectors.toMap(NodeState::stId, Function.identity()));
	}

	/**
	 * Stores {@code root} as the latest raw payload of that root (its JSON as published) and replaces the
	 * snapshot of its subtree with {@code nodes} (nodes no longer under the root are dropped from it).
	 */
	public void storeRoot(Tenant tenant, StCategory root, UUID syncRunId, SyncType syncType, Instant fetchedAt,
			List<NodeState> nodes) {

		var tenantId = tenant.id();
		var rootStId = root.id();
		var payload = JSONB.jsonb(new String(codec.serialize(root), StandardCharsets.UTF_8));
		db.insertInto(RAW_CATEGORY)
			.set(RAW_CATEGORY.TENANT_ID, tenantId)
			.set(RAW_CATEGORY.ST_ID, rootStId)
			.set(RAW_CATEGORY.SYNC_RUN_ID, syncRunId)
			.set(RAW_CATEGORY.SYNC_TYPE, syncType.name())
			.set(RAW_CATEGORY.FETCHED_AT, utc(fetchedAt))
			.set(RAW_CATEGORY.PAYLOAD, payload)
			.onConflict(RAW_CATEGORY.TENANT_ID, RAW_CATEGORY.ST_ID)
			.doUpdate()
			.set(RAW_CATEGORY.SYNC_RUN_ID, syncRunId)
			.set(RAW_CATEGORY.SYNC_TYPE, syncType.name())
			.set(RAW_CATEGORY.FETCHED_AT, utc(fetchedAt))
			.set(RAW_CATEGORY.PAYLOAD, payload)
			.execute();
		var ids = nodes.stream().map(NodeState::stId).toList();
		db.deleteFrom(CATEGORY_SNAPSHOT)
			.where(CATEGORY_SNAPSHOT.TENANT_ID.eq(tenantId), CATEGORY_SNAPSHOT.ROOT_ST_ID.eq(rootStId),
					CATEGORY_SNAPSHOT.ST_ID.notIn(ids))
			.execute();
		var insert = db.insertInto(CATEGORY_SNAPSHOT, CATEGORY_SNAPSHOT.TENANT_ID, CATEGORY_SNAPSHOT.ST_ID,
				CATEGORY_SNAPSHOT.ROOT_ST_ID, CATEGORY_SNAPSHOT.MODIFIED_ON, CATEGORY_SNAPSHOT.IMAGE,
				CATEGORY_SNAPSHOT.SYNC_RUN_ID);
		for (var node : nodes) {
			insert = insert.values(tenantId, node.stId(), node.rootStId(),
					node.modifiedOn() == null ? null : utc(node.modifiedOn()), node.image(), syncRunId);
		}
		var excluded = CATEGORY_SNAPSHOT.as("excluded");
		insert.onConflict(CATEGORY_SNAPSHOT.TENANT_ID, CATEGORY_SNAPSHOT.ST_ID)
			.doUpdate()
			.set(CATEGORY_SNAPSHOT.ROOT_ST_ID, excluded.ROOT_ST_ID)
			.set(CATEGORY_SNAPSHOT.MODIFIED_ON, excluded.MODIFIED_ON)
			.set(CATEGORY_SNAPSHOT.IMAGE, excluded.IMAGE)
			.set(CATEGORY_SNAPSHOT.SYNC_RUN_ID, excluded.SYNC_RUN_ID)
			.execute();
	}

	/** After a full pull: forgets roots (and their nodes) that ServiceTitan no longer lists. */
	public void retainRoots(Tenant tenant, Collection<Long> rootStIds) {
		db.deleteFrom(RAW_CATEGORY)
			.where(RAW_CATEGORY.TENANT_ID.eq(tenant.id()), RAW_CATEGORY.ST_ID.notIn(rootStIds))
			.execute();
		db.deleteFrom(CATEGORY_SNAPSHOT)
			.where(CATEGORY_SNAPSHOT.TENANT_ID.eq(tenant.id()), CATEGORY_SNAPSHOT.ROOT_ST_ID.notIn(rootStIds))
			.execute();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
