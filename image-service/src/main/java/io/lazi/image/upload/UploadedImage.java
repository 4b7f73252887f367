package io.lazi.image.upload;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.image.content.ImageContent;

/**
 * One uploaded image of a tenant.
 *
 * @param fileName the client's file name, if it sent one (not trusted for anything)
 * @param stPath the ServiceTitan storage path once pushed, else {@code null}
 */
public record UploadedImage(UUID id, String tenantId, @Nullable String fileName, ImageContent content,
		@Nullable String stPath, Instant createdAt) {

	/** Where the upload is served: {@code /images/uploads/{id}}. */
	public String url() {
		return "/images/uploads/" + id;
	}
}
