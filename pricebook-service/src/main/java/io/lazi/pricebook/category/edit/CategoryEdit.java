package io.lazi.pricebook.category.edit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Local values a user saves for one category; a {@code null} field stays as it is.
 *
 * @param name trimmed, 1..255 characters
 * @param imageUploadId an image-service upload, served at {@code /images/uploads/{id}}
 * @param position sort order among siblings, {@code >= 0}
 * @param isVisibleCrm Lazi-only: saved, never pushed
 */
public record CategoryEdit(@Nullable String name, @Nullable UUID imageUploadId, @Nullable Integer position,
		@Nullable Boolean isVisibleCrm) {
}
