package io.lazi.image.serving;

import static io.lazi.image.jooq.Tables.NODE_IMAGE;
import static io.lazi.image.jooq.Tables.STORED_IMAGE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.image.content.ImageContent;
import io.lazi.platform.web.Tenant;

/** The {@code node_image} mapping and the {@code stored_image} bytes of a tenant. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NodeImageRepository {

	private final DSLContext dsl;

	Optional<NodeRef> node(Tenant tenant, long stId) {
		return dsl.select(NODE_IMAGE.DEPTH, NODE_IMAGE.IMAGE_PATH)
			.from(NODE_IMAGE)
			.where(NODE_IMAGE.TENANT_ID.eq(tenant.id()), NODE_IMAGE.ST_ID.eq(stId))
			.fetchOptional(r -> new NodeRef(r.value1(), r.value2()));
	}

	/** Locks and returns the node's row, if any, until the transaction ends. */
	Optional<NodeRef> lockNode(Tenant tenant, long stId) {
		return dsl.select(NODE_IMAGE.DEPTH, NODE_IMAGE.IMAGE_PATH)
			.from(NODE_IMAGE)
			.where(NODE_IMAGE.TENANT_ID.eq(tenant.id()), NODE_IMAGE.ST_ID.eq(stId))
			.forUpdate()
			.fetchOptional(r -> new NodeRef(r.value1(), r.value2()));
	}

	void upsertNode(Tenant tenant, long stId, int depth, @Nullable String imagePath, OffsetDateTime now) {
		dsl.insertInto(NODE_IMAGE, NODE_IMAGE.TENANT_ID, NODE_IMAGE.ST_ID, NODE_IMAGE.DEPTH, NODE_IMAGE.IMAGE_PATH,
				NODE_IMAGE.UPDATED_AT)
			.values(tenant.id(), stId, depth, imagePath, now)
			.onConflict(NODE_IMAGE.TENANT_ID, NODE_IMAGE.ST_ID)
			.doUpdate()
			.set(NODE_IMAGE.DEPTH, depth)
			.set(NODE_IMAGE.IMAGE_PATH, imagePath)
			.set(NODE_IMAGE.UPDATED_AT, now)
			.execute();
	}

	/** Deletes the stored bytes of {@code imagePath} unless another node of the tenant still shows it. */
	int deleteUnreferenced(Tenant tenant, String imagePath) {
		return dsl.deleteFrom(STORED_IMAGE)
			.where(STORED_IMAGE.TENANT_ID.eq(tenant.id()), STORED_IMAGE.IMAGE_PATH.eq(imagePath))
			.andNotExists(selectOne().from(NODE_IMAGE)
				.where(NODE_IMAGE.TENANT_ID.eq(tenant.id()), NODE_IMAGE.IMAGE_PATH.eq(imagePath)))
			.execute();
	}

	boolean stored(Tenant tenant, String imagePath) {
		return dsl.fetchExists(STORED_IMAGE, STORED_IMAGE.TENANT_ID.eq(tenant.id()), STORED_IMAGE.IMAGE_PATH.eq(imagePath));
	}

	Optional<ImageContent> storedImage(Tenant tenant, String imagePath) {
		return dsl.select(STORED_IMAGE.BYTES, STORED_IMAGE.CONTENT_TYPE, STORED_IMAGE.ETAG)
			.from(STORED_IMAGE)
			.where(STORED_IMAGE.TENANT_ID.eq(tenant.id()), STORED_IMAGE.IMAGE_PATH.eq(imagePath))
			.fetchOptional(r -> ImageContent.stored(r.value1(), r.value2(), r.value3()));
	}

	/**
	 * Saves fetched bytes and the CDN object they came from ({@link CdnLocations#key}); a concurrent save
	 * of the same path keeps the later one.
	 */
	void store(Tenant tenant, String imagePath, ImageContent content, @Nullable String cdnLocation, OffsetDateTime now) {
		dsl.insertInto(STORED_IMAGE, STORED_IMAGE.TENANT_ID, STORED_IMAGE.IMAGE_PATH, STORED_IMAGE.CONTENT_TYPE,
				STORED_IMAGE.ETAG, STORED_IMAGE.SIZE_BYTES, STORED_IMAGE.BYTES, STORED_IMAGE.CDN_LOCATION, STORED_IMAGE.FETCHED_AT)
			.values(tenant.id(), imagePath, content.type().mediaType(), content.etag(), content.size(), content.bytes(),
					cdnLocation, now)
			.onConflict(STORED_IMAGE.TENANT_ID, STORED_IMAGE.IMAGE_PATH)
			.doUpdate()
			.set(STORED_IMAGE.CDN_LOCATION, cdnLocation)
			.set(STORED_IMAGE.CONTENT_TYPE, content.type().mediaType())
			.set(STORED_IMAGE.ETAG, content.etag())
			.set(STORED_IMAGE.SIZE_BYTES, content.size())
			.set(STORED_IMAGE.BYTES, content.bytes())
			.set(STORED_IMAGE.FETCHED_AT, now)
			.execute();
	}

	/** Whether the tenant has an image fetched from the CDN object {@code cdnLocation} ({@link CdnLocations#key}). */
	boolean referencesCdnObject(Tenant tenant, String cdnLocation) {
		return dsl.fetchExists(STORED_IMAGE, STORED_IMAGE.TENANT_ID.eq(tenant.id()), STORED_IMAGE.CDN_LOCATION.eq(cdnLocation));
	}

	/** Stored images of the tenant, their bytes, and its nodes with an image path. */
	StoredCounts counts(Tenant tenant) {

		var stored = dsl.select(count(), coalesce(sum(STORED_IMAGE.SIZE_BYTES), val(BigDecimal.ZERO)))
			.from(STORED_IMAGE)
			.where(STORED_IMAGE.TENANT_ID.eq(tenant.id()))
			.fetchSingle();
		var nodes = dsl.fetchCount(NODE_IMAGE, NODE_IMAGE.TENANT_ID.eq(tenant.id()), NODE_IMAGE.IMAGE_PATH.isNotNull());
		return new StoredCounts(stored.value1(), stored.value2().longValue(), nodes);
	}

	record StoredCounts(long images, long bytes, long nodesWithImage) {
	}
}
