package io.lazi.stsimulator;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the simulator's services, materials and equipment answers (lists, by id, 404s,
 * exports) validate against ServiceTitan's pricebook spec: every required field present, every
 * type right.
 */
@Unthrottled
class StSimulatorSkuContractIntegrationTests extends PricebookContractTest {

	@ParameterizedTest
	@ValueSource(strings = { "services", "materials", "equipment" })
	void answersListsPerSpec(String kind) {

		var path = "/pricebook/v2/tenant/%d/%s".formatted(REFERENCE_TENANT, kind);
		var query = orderedQuery("page", "2", "pageSize", "40", "includeTotal", "true", "active", "Any", "sort", "-ModifiedOn",
				"modifiedOnOrAfter", "2025-02-01T00:00:00Z", "createdBefore", "2025-12-01T00:00:00Z");
		var page = assertConforms(path, query, 200);
		assertThat(client.read(page).get("data").size()).isPositive();
		assertConforms(path, Map.of("searchText", "pool", "sort", "+Price"), 200);
		assertConforms(path, Map.of("pageSize", "0"), 400);
		assertConforms("/pricebook/v2/tenant/%d/%s".formatted(ISOLATION_TENANT, kind), Map.of(), 200, ISOLATION_TENANT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "services", "materials", "equipment" })
	void answersASkuByIdAndAMissingOnePerSpec(String kind) {

		var path = "/pricebook/v2/tenant/%d/%s".formatted(REFERENCE_TENANT, kind);
		var first = client.read(client.get(REFERENCE_TENANT, path, Map.of("pageSize", "1"))).get("data").get(0);
		assertConforms(path + "/" + first.get("id").asLong(), Map.of(), 200);
		assertConforms(path + "/1", Map.of(), 404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "services", "materials", "equipment" })
	void answersExportFeedsPerSpec(String kind) {

		var path = "/pricebook/v2/tenant/%d/export/%s".formatted(REFERENCE_TENANT, kind);
		var first = assertConforms(path, Map.of(), 200);
		assertConforms(path, Map.of("from", client.read(first).get("continueFrom").asString()), 200);
		assertConforms(path, Map.of("from", "2025-09-01", "includeRecentChanges", "true"), 200);
	}

	private java.net.http.HttpResponse<String> assertConforms(String path, Map<String, String> query, int status) {
		return assertConforms(path, query, status, REFERENCE_TENANT);
	}

	private java.net.http.HttpResponse<String> assertConforms(String path, Map<String, String> query, int status, long tenant) {
		return spec.assertGet(client, tenant, path, query, status);
	}
}
