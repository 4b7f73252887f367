package io.lazi.stingest.pricebook.sku;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StService;
import io.lazi.platform.events.Topics;
import io.lazi.stingest.servicetitan.StPage;

/**
 * One ServiceTitan SKU list a run pulls, and where its records go.
 *
 * @param cursorResource key of the list's incremental cursor in {@code sync_cursor}
 * @param path list path with a {@code {tenant}} variable
 */
record SkuFeed<T>(String cursorResource, String path, String topic, String eventType,
		ParameterizedTypeReference<StPage<T>> pageType, ToLongFunction<T> id, Function<T, @Nullable Instant> modifiedOn) {

	static final SkuFeed<StService> SERVICES = new SkuFeed<>("pricebook.services", "/pricebook/v2/tenant/{tenant}/services",
			Topics.ST_RAW_SERVICES, EventTypes.SERVICE_FETCHED, new ParameterizedTypeReference<>() {
			}, StService::id, StService::modifiedOn);

	static final SkuFeed<StMaterial> MATERIALS = new SkuFeed<>("pricebook.materials",
			"/pricebook/v2/tenant/{tenant}/materials", Topics.ST_RAW_MATERIALS, EventTypes.MATERIAL_FETCHED,
			new ParameterizedTypeReference<>() {
			}, StMaterial::id, StMaterial::modifiedOn);

	static final SkuFeed<StEquipment> EQUIPMENT = new SkuFeed<>("pricebook.equipment",
			"/pricebook/v2/tenant/{tenant}/equipment", Topics.ST_RAW_EQUIPMENT, EventTypes.EQUIPMENT_FETCHED,
			new ParameterizedTypeReference<>() {
			}, StEquipment::id, StEquipment::modifiedOn);

	static final List<SkuFeed<?>> ALL = List.of(SERVICES, MATERIALS, EQUIPMENT);
}
