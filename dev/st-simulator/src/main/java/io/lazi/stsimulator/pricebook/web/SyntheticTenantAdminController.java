package io.lazi.stsimulator.pricebook.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import io.lazi.stsimulator.pricebook.seed.SyntheticEdits;
import io.lazi.stsimulator.pricebook.seed.SyntheticTenant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin calls that give a tenant a synthetic pricebook and script its users' edits, for load and fault
 * runs (the fault harness). No authentication.
 * <ul>
 * <li>{@code POST /admin/tenants/{tenant}/synthetic} body {@code {"categories": 20000, "seed": 1}} replaces
 * the tenant's categories by a {@link SyntheticTenant} of that size (1..100000) → {@code {"categories": n}}.
 * The tenant must be one the simulator authenticates; {@code POST /admin/data/reset} brings back the seed.</li>
 * <li>{@code POST /admin/tenants/{tenant}/copy} body {@code {"from": 3222348440, "idOffset": 1000000000}} replaces
 * the tenant's categories by a copy of tenant {@code from}'s (names, images, positions, nesting), every id and
 * {@code parentId} plus {@code idOffset} (1..10^15) and {@code modifiedOn} now → {@code {"categories": n}}: a tree
 * that no copy of Lazi has seen, for timing a first sync of a real-sized pricebook. 404 when {@code from} has none.</li>
 * <li>{@code POST /admin/tenants/{tenant}/synthetic/edits} body {@code {"count": 500, "seed": 7}} applies
 * that many (1..100000) {@link SyntheticEdits} → {@code {"rename": n, "move": n, ...}} by kind.</li>
 * <li>{@code GET /admin/tenants/{tenant}/categories} → every category of the tenant as the simulator holds it,
 * flat and sorted by id: {@code [{"id", "parentId", "name", "active", "image", "position", "modifiedOn"}]}
 * (unlike the API's list, with the image of nested subcategories), for checking a copy against it.</li>
 * </ul>
 * Bad input is a 400 naming the field.
 */
@RestController
@RequestMapping("/admin/tenants/{tenant}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyntheticTenantAdminController {

	private static final int MAX = 100_000;

	private static final long MAX_ID_OFFSET = 1_000_000_000_000_000L;

	private final CategoryCatalog catalog;

	private final Clock clock;

	@PostMapping("/synthetic")
	Map<String, Integer> install(@PathVariable long tenant, @RequestBody SyntheticRequest request) {

		var size = within("categories", request.categories());
		var categories = SyntheticTenant.generate(size, request.seed() == null ? 0L : request.seed());
		catalog.install(tenant, categories);
		return Map.of("categories", categories.size());
	}

	@PostMapping("/copy")
	Map<String, Integer> copy(@PathVariable long tenant, @RequestBody CopyRequest request) {

		if (request.from() == null) {
			throw ApiException.badRequest("from", "The from field must name the tenant to copy.");
		}
		var offset = request.idOffset();
		if (offset == null || offset < 1 || offset > MAX_ID_OFFSET) {
			throw ApiException.badRequest("idOffset", "The idOffset field must be between 1 and " + MAX_ID_OFFSET + ".");
		}
		var source = catalog.tenant(request.from()).all();
		if (source.isEmpty()) {
			throw ApiException.notFound("Tenant " + request.from() + " has no categories to copy.");
		}
		var now = clock.instant();
		var copies = source.stream().map(c -> new Category(c.id() + offset, c.parentId() == null ? null : c.parentId() + offset,
				c.name(), c.active(), c.description(), c.image(), c.position(), c.categoryType(), c.businessUnitIds(),
				c.skuImages(), c.skuVideos(), c.source(), c.externalId(), c.hideInMobile(), c.createdOn(), now)).toList();
		catalog.install(tenant, copies);
		return Map.of("categories", copies.size());
	}

	@PostMapping("/synthetic/edits")
	Map<String, Integer> edit(@PathVariable long tenant, @RequestBody EditsRequest request) {
		return SyntheticEdits.apply(catalog, tenant, within("count", request.count()),
				request.seed() == null ? 0L : request.seed());
	}

	@GetMapping("/categories")
	List<FlatCategory> categories(@PathVariable long tenant) {
		return catalog.tenant(tenant).all().stream().sorted(Comparator.comparingLong(Category::id))
			.map(c -> new FlatCategory(c.id(), c.parentId(), c.name(), c.active(), c.image(), c.position(), c.modifiedOn()))
			.toList();
	}

	private static int within(String field, @Nullable Integer value) {

		if (value == null || value < 1 || value > MAX) {
			throw ApiException.badRequest(field, "The " + field + " field must be between 1 and " + MAX + ".");
		}
		return value;
	}

	/** One category of {@code GET /admin/tenants/{tenant}/categories}. */
	record FlatCategory(long id, @Nullable Long parentId, String name, boolean active, @Nullable String image,
			int position, Instant modifiedOn) {
	}

	/** The body of {@code POST /admin/tenants/{tenant}/synthetic}. */
	record SyntheticRequest(@Nullable Integer categories, @Nullable Long seed) {
	}

	/** The body of {@code POST /admin/tenants/{tenant}/copy}. */
	record CopyRequest(@Nullable Long from, @Nullable Long idOffset) {
	}

	/** The body of {@code POST /admin/tenants/{tenant}/synthetic/edits}. */
	record EditsRequest(@Nullable Integer count, @Nullable Long seed) {
	}
}
