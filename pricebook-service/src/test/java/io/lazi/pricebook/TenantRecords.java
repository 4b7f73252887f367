package io.lazi.pricebook;

import java.util.UUID;

import io.lazi.platform.events.StCategory;
import io.lazi.pricebook.category.StIngestEvents;
import io.lazi.pricebook.category.sync.CategorySync;
import io.lazi.pricebook.sku.SkuEvents;
import io.lazi.pricebook.sku.SkuSync;

/**
 * One tenant's ServiceTitan records stored directly, in the calling thread, as the service applies what
 * st-ingest publishes; from {@link PricebookTestKit#records(String)}.
 */
public record TenantRecords(CategorySync categories, SkuSync skus, String tenant) {

	/** Applies {@code root} with its subtree as a full sync would. */
	public void store(StCategory root) {
		categories.apply(StIngestEvents.received(tenant, root));
	}

	/** Applies a fetched service, material or equipment under a new event id. */
	public void storeSku(Object sku) {
		storeSku(UUID.randomUUID().toString(), sku);
	}

	/** Applies a fetched SKU under {@code eventId} (a redelivery when reused). */
	public void storeSku(String eventId, Object sku) {
		skus.apply(SkuEvents.received(eventId, tenant, SkuEvents.payload(tenant, sku)));
	}
}
