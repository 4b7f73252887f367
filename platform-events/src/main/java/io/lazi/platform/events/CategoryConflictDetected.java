package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#PRICEBOOK_CATEGORY_CONFLICT} on {@link Topics#PRICEBOOK_CHANGED}: a pull
 * met a pending local change of the same category. Nothing is overwritten until someone resolves it
 * ({@code POST /api/sync/pricebook/resolve-conflict/{conflictId}}). Reaches browsers as
 * {@code pricebook:categories:conflict}.
 *
 * @param type {@code both_modified}, {@code local_deleted_st_modified} or {@code st_deleted_local_modified}
 * @param localName the locally saved name, {@code null} when the local change is a delete
 * @param stName ServiceTitan's name now, {@code null} when ServiceTitan deleted it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryConflictDetected(String tenantId, UUID conflictId, long stId, String type,
		@Nullable String localName, @Nullable String stName, @Nullable Instant stModifiedOn, Instant detectedAt)
		implements TenantPayload {
}
