package io.lazi.stingest.pricebook.sku;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StService;
import io.lazi.stingest.sync.Feed;
import io.lazi.stingest.sync.Feeds;
import io.lazi.stingest.sync.PullResult;
import io.lazi.stingest.sync.PullRun;
import io.lazi.stingest.sync.ResourcePull;
import io.lazi.stingest.sync.SyncResource;

/**
 * The pull of resource {@code pricebook.skus} ({@code /api/sync/pricebook/skus}): services, materials
 * and equipment, each list with its own cursor, {@code page-size} records per page. It runs after every
 * completed {@code pricebook.categories} run (same type and trigger) unless {@code after-categories} is
 * off, and on demand.
 */
@Component
class SkuPull implements ResourcePull {

	/** The resource name in {@code sync_run} and on {@code sync.events}. */
	static final String RESOURCE = "pricebook.skus";

	private static final Feed<StService> SERVICES = Feed.of("pricebook.services", "/pricebook/v2/tenant/{tenant}/services",
			true, Events.SERVICE_FETCHED, new ParameterizedTypeReference<>() {
			}, StService::id, StService::modifiedOn);

	private static final Feed<StMaterial> MATERIALS = Feed.of("pricebook.materials", "/pricebook/v2/tenant/{tenant}/materials",
			true, Events.MATERIAL_FETCHED, new ParameterizedTypeReference<>() {
			}, StMaterial::id, StMaterial::modifiedOn);

	private static final Feed<StEquipment> EQUIPMENT = Feed.of("pricebook.equipment", "/pricebook/v2/tenant/{tenant}/equipment",
			true, Events.EQUIPMENT_FETCHED, new ParameterizedTypeReference<>() {
			}, StEquipment::id, StEquipment::modifiedOn);

	private static final List<Feed<?>> LISTS = List.of(SERVICES, MATERIALS, EQUIPMENT);

	private final Feeds feeds;

	private final int pageSize;

	private final SyncResource resource;

	SkuPull(Feeds feeds, SkuProperties properties) {
		this.feeds = feeds;
		this.pageSize = properties.pageSize();
		// the categories resource (CategoryPull) whose completed runs start a SKU run
		this.resource = new SyncResource(RESOURCE, "pricebook/skus", "SKU", SERVICES.cursor(),
				properties.incrementalOverlap(), null, properties.afterCategories() ? "pricebook.categories" : null);
	}

	@Override
	public SyncResource resource() {
		return resource;
	}

	@Override
	public PullResult pull(PullRun run) {
		return feeds.pull(run, LISTS, pageSize);
	}
}
