package io.lazi.stsimulator.crm.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's {@code Locations_GetList}: the shared paging and filters plus {@code customerId} and
 * {@code ids} (comma-separated, at most 50). Authentication, tenant binding, rate limits and faults are
 * applied in front of this controller.
 */
@RestController
@RequestMapping("/crm/v2/tenant/{tenant}")
class LocationsController {

	private static final int MAX_IDS = 50;

	private final CrmCatalog catalog;

	private final CrmSettings settings;

	LocationsController(CrmCatalog catalog, CrmSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/locations")
	PagedResponse<Location> locations(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable String ids) {

		var wanted = ids(ids);
		var query = arguments.validate(settings);
		var data = catalog.tenant(tenant);
		var candidates = (customerId == null ? data.locations() : data.locationsOf(customerId)).stream()
			.filter(location -> wanted == null || wanted.contains(location.id()))
			.toList();
		return PagedResponse.of(query, query.select(candidates), location -> location);
	}

	private static @Nullable Set<Long> ids(@Nullable String ids) {

		if (ids == null || ids.isBlank()) {
			return null;
		}
		try {
			var parsed = Arrays.stream(ids.split(","))
				.map(String::trim)
				.filter(id -> !id.isEmpty())
				.map(Long::valueOf)
				.collect(Collectors.toUnmodifiableSet());
			if (parsed.size() > MAX_IDS) {
				throw ApiException.badRequest("ids", "At most %d ids are allowed.".formatted(MAX_IDS));
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("ids", "The value '%s' is not valid.".formatted(ids));
		}
	}
}
