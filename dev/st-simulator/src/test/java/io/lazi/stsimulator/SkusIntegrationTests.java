package io.lazi.stsimulator;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services, materials and equipment as an ingesting client reads them: paging, filters, exports
 * and an admin edit that an incremental pull picks up.
 */
@Unthrottled
class SkusIntegrationTests extends SimulatorIntegrationTest {

	private static final String SERVICES = "/pricebook/v2/tenant/%d/services".formatted(REFERENCE_TENANT);

	private static final String MATERIALS = "/pricebook/v2/tenant/%d/materials".formatted(REFERENCE_TENANT);

	@Test
	void pagesActiveServicesByDefaultAndCountsAllWithActiveAny() {

		var active = client.read(client.get(REFERENCE_TENANT, SERVICES, Map.of("includeTotal", "true", "pageSize", "5000")));
		var any = client.read(client.get(REFERENCE_TENANT, SERVICES, Map.of("includeTotal", "true", "active", "Any")));

		assertThat(any.get("totalCount").asInt()).isEqualTo(600);
		assertThat(active.get("totalCount").asInt()).isLessThan(600);
		assertThat(active.get("data").valueStream().allMatch(node -> node.get("active").asBoolean())).isTrue();
		assertThat(any.get("data").size()).isEqualTo(50);
		assertThat(any.get("hasMore").asBoolean()).isTrue();
		var category = active.get("data").get(0).get("categories").get(0);
		assertThat(category.get("name").asString()).isNotBlank();
	}

	@Test
	void filtersByIdsSearchTextAndSortsByPriceDescending() {

		var firstPage = client.read(client.get(REFERENCE_TENANT, MATERIALS, Map.of("pageSize", "3")));
		var ids = firstPage.get("data").valueStream().map(node -> node.get("id").asString()).collect(Collectors.joining(","));
		var byIds = client.read(client.get(REFERENCE_TENANT, MATERIALS, Map.of("ids", ids + ",1")));
		var search = client.read(client.get(REFERENCE_TENANT, MATERIALS, Map.of("searchText", "GASKET", "pageSize", "5000")));
		var sorted = client.read(client.get(REFERENCE_TENANT, MATERIALS, Map.of("sort", "-Price", "pageSize", "20")));
		var tooMany = client.get(REFERENCE_TENANT, MATERIALS, Map.of("ids",
				java.util.stream.LongStream.rangeClosed(1, 51).mapToObj(Long::toString).collect(Collectors.joining(","))));

		assertThat(byIds.get("data").size()).isEqualTo(3);
		assertThat(search.get("data").size()).isPositive();
		assertThat(search.get("data").valueStream().allMatch(node -> node.get("displayName").asString().contains("Gasket")))
			.isTrue();
		var prices = sorted.get("data").valueStream().map(node -> node.get("price").decimalValue()).toList();
		assertThat(prices).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(client.read(tooMany).get("errors").has("ids")).isTrue();
	}

	@Test
	void showsAnAdminPriceChangeToIncrementalPullsAndExports() {

		var before = Instant.now();
		var equipment = "/pricebook/v2/tenant/%d/equipment".formatted(REFERENCE_TENANT);
		var target = client.read(client.get(REFERENCE_TENANT, equipment, Map.of("pageSize", "1"))).get("data").get(0);
		var lastExport = exportToEnd("/pricebook/v2/tenant/%d/export/equipment".formatted(REFERENCE_TENANT));

		var edited = client.admin("PATCH", "/admin/tenants/%d/equipment/%d".formatted(REFERENCE_TENANT, target.get("id").asLong()),
				"{\"price\": 1234.5, \"displayName\": \"Renamed Unit\"}");

		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		var incremental = client.read(client.get(REFERENCE_TENANT, equipment, Map.of("modifiedOnOrAfter", before.toString())));
		assertThat(incremental.get("data").size()).isEqualTo(1);
		assertThat(incremental.get("data").get(0).get("price").decimalValue()).isEqualByComparingTo("1234.50");
		assertThat(incremental.get("data").get(0).get("displayName").asString()).isEqualTo("Renamed Unit");
		var next = client.read(client.get(REFERENCE_TENANT, "/pricebook/v2/tenant/%d/export/equipment".formatted(REFERENCE_TENANT),
				Map.of("from", lastExport)));
		assertThat(next.get("data").valueStream().map(node -> node.get("id").asLong())).containsExactly(target.get("id").asLong());
	}

	@Test
	void keepsTenantsApartAndAnswers404ForAnotherTenantsSku() {

		var reference = client.read(client.get(REFERENCE_TENANT, SERVICES, Map.of("pageSize", "1"))).get("data").get(0);
		var isolation = client.read(client.get(ISOLATION_TENANT, "/pricebook/v2/tenant/%d/services".formatted(ISOLATION_TENANT),
				Map.of("active", "Any", "includeTotal", "true")));

		assertThat(isolation.get("totalCount").asInt()).isEqualTo(5);
		assertThat(client.get(ISOLATION_TENANT, "/pricebook/v2/tenant/%d/services/%d".formatted(ISOLATION_TENANT,
				reference.get("id").asLong()), Map.of()).statusCode()).isEqualTo(404);
	}

	private String exportToEnd(String path) {

		var page = client.read(client.get(REFERENCE_TENANT, path, Map.of()));
		while (page.get("hasMore").asBoolean()) {
			page = client.read(client.get(REFERENCE_TENANT, path, Map.of("from", page.get("continueFrom").asString())));
		}
		return page.get("continueFrom").asString();
	}
}
