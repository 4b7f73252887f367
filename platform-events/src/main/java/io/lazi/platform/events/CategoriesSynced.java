package io.lazi.platform.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link Events#PRICEBOOK_CATEGORIES_SYNCED} on {@link Topics#SYNC_EVENTS}: the
 * pricebook tree has applied a sync run. Reaches browsers as {@code pricebook:categories:synced}.
 *
 * @param count active categories of the tenant (roots and subcategories) after applying the run
 * @param created nodes that were new
 * @param updated nodes whose ServiceTitan values changed
 * @param deactivated nodes that disappeared from ServiceTitan
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoriesSynced(String tenantId, UUID syncRunId, int count, int created, int updated, int deactivated)
		implements TenantPayload {
}
