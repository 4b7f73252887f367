package io.lazi.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#CATEGORY_FETCHED} on {@link Topics#ST_RAW_CATEGORIES}: one root
 * category with its complete subtree as ServiceTitan returned it, plus fetch metadata. Because the
 * subtree is complete, a consumer may treat descendants missing from it as gone from ServiceTitan.
 *
 * @param tenantId ServiceTitan tenant id
 * @param syncRunId the st-ingest sync run that fetched it
 * @param syncType full or incremental run
 * @param fetchedAt when st-ingest read it from ServiceTitan
 * @param category the root category ({@code parentId == null}) and its subcategories
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryFetched(String tenantId, UUID syncRunId, SyncType syncType, Instant fetchedAt, StCategory category)
		implements TenantPayload {
}
