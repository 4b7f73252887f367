package io.lazi.platform.events;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The ServiceTitan fields an {@link StCommand} writes ({@code CategoryUpdateRequest} /
 * {@code CategoryCreateRequest} of pricebook v2). A {@code null} field is left unchanged (PATCH
 * semantics); a create needs {@code name}, {@code categoryType} and, for a subcategory, {@code parentId}.
 *
 * @param parentId ServiceTitan id of the new parent (a move), never a provisional local id
 * @param position sort order among siblings
 * @param image a ServiceTitan storage path ({@code Images/...}) to set as is
 * @param imageUploadId an image-service upload ({@code GET /images/uploads/{id}}) that st-ingest first
 *        uploads to ServiceTitan's {@code POST /images} and then sets as {@code image}; wins over {@code image}
 * @param categoryType {@code Services} or {@code Materials}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryWrite(@Nullable String name, @Nullable Long parentId, @Nullable Integer position,
		@Nullable String image, @Nullable UUID imageUploadId, @Nullable Boolean active, @Nullable String categoryType,
		@Nullable String description) {
}
