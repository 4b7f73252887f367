package io.lazi.image.upload;

import static io.lazi.image.jooq.Tables.UPLOADED_IMAGE;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import io.lazi.image.content.ImageContent;
import io.lazi.platform.web.Tenant;

/** The {@code uploaded_image} rows of a tenant. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UploadRepository {

	private final DSLContext dsl;

	void insert(UploadedImage image) {
		dsl.insertInto(UPLOADED_IMAGE)
			.set(UPLOADED_IMAGE.ID, image.id())
			.set(UPLOADED_IMAGE.TENANT_ID, image.tenantId())
			.set(UPLOADED_IMAGE.FILE_NAME, image.fileName())
			.set(UPLOADED_IMAGE.CONTENT_TYPE, image.content().type().mediaType())
			.set(UPLOADED_IMAGE.ETAG, image.content().etag())
			.set(UPLOADED_IMAGE.SIZE_BYTES, image.content().size())
			.set(UPLOADED_IMAGE.BYTES, image.content().bytes())
			.set(UPLOADED_IMAGE.CREATED_AT, image.createdAt().atOffset(ZoneOffset.UTC))
			.execute();
	}

	Optional<UploadedImage> find(Tenant tenant, UUID id) {
		return dsl.selectFrom(UPLOADED_IMAGE)
			.where(UPLOADED_IMAGE.TENANT_ID.eq(tenant.id()), UPLOADED_IMAGE.ID.eq(id))
			.fetchOptional(r -> new UploadedImage(r.getId(), r.getTenantId(), r.getFileName(),
					ImageContent.stored(r.getBytes(), r.getContentType(), r.getEtag()), r.getStPath(),
					toInstant(r.getCreatedAt())));
	}

	private static java.time.Instant toInstant(OffsetDateTime time) {
		return time.toInstant();
	}
}
