package io.lazi.pricebook.category.conflict;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A pull that met a pending local change of the same item.
 *
 * @param type {@code both_modified}, {@code local_deleted_st_modified} or {@code st_deleted_local_modified}
 * @param status {@code open}, {@code manual} (flagged for manual handling, still excluded from pushes)
 *        or {@code resolved}
 * @param local the local values when detected: name, imagePath, imageUploadId, position, parentStId,
 *        localStatus, pendingFields
 * @param st ServiceTitan's values (name, imagePath, position, parentStId, active, modifiedOn), refreshed
 *        by later pulls; {@code null} when ServiceTitan deleted the item
 * @param strategy {@code keep_st}, {@code keep_local} or {@code manual}, once chosen
 */
public record CategoryConflict(UUID id, long stId, String type, String status, JsonNode local, @Nullable JsonNode st,
		Instant detectedAt, @Nullable Instant resolvedAt, @Nullable String strategy) {
}
