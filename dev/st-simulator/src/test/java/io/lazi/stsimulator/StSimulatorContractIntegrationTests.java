package io.lazi.stsimulator;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;

/**
 * Checks that what the simulator answers on ServiceTitan's pricebook paths, and what these tests
 * send, validates against ServiceTitan's own OpenAPI export ({@code shared/servicetitan/specs/
 * pricebook-v2.json}, a sibling of the repository root; never copied into the repository).
 */
class StSimulatorContractIntegrationTests extends PricebookContractTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	@Test
	void answersTheCategoryListPerSpec() {
		assertConforms(200, CATEGORIES, Map.of());
	}

	@Test
	void answersTheFilteredCategoryListPerSpec() {

		var query = orderedQuery("page", "2", "pageSize", "5", "includeTotal", "true", "active", "Any", "categoryType", "Services",
				"sort", "-Name", "modifiedOnOrAfter", "2025-02-01T00:00:00Z", "modifiedBefore", "2025-12-01T00:00:00Z",
				"createdOnOrAfter", "2023-01-01T00:00:00Z", "createdBefore", "2025-11-01T00:00:00Z");
		assertConforms(200, CATEGORIES, query);
	}

	@Test
	void answersARootAndANestedCategoryByIdPerSpec() {

		var root = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data").get(0);
		assertConforms(200, CATEGORIES + "/" + root.get("id").asLong(), Map.of());
		assertConforms(200, CATEGORIES + "/" + root.get("subcategories").get(0).get("id").asLong(), Map.of());
	}

	@Test
	void answersAMissingCategoryWithA404PerSpec() {
		assertConforms(404, CATEGORIES + "/1", Map.of());
	}

	@Test
	void answersTheExportFeedPerSpec() {

		var exportPath = "/pricebook/v2/tenant/%d/export/categories".formatted(REFERENCE_TENANT);
		var first = assertConforms(200, exportPath, Map.of());
		var token = client.read(first).get("continueFrom").asString();
		assertConforms(200, exportPath, Map.of("from", token, "includeRecentChanges", "false"));
		assertConforms(200, exportPath, Map.of("from", "2025-09-01"));
	}

	@Test
	void answersImageRequestsPerSpec() {

		var root = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data").get(0);
		var imagesPath = "/pricebook/v2/tenant/%d/images".formatted(REFERENCE_TENANT);
		assertConforms(302, imagesPath, Map.of("path", root.get("image").asString()));
		assertConforms(400, imagesPath, Map.of("path", "Category/not-under-images.png"));
		assertConforms(404, imagesPath, Map.of("path", "Images/Category/missing.png"));
	}

	@Test
	void rejectsPageSizesOutsideOneTo5000PerSpec() {

		// The spec itself sets no bounds on pageSize (only "50 by default"); ServiceTitan documents 1..5000.
		assertConforms(400, CATEGORIES, Map.of("pageSize", "0"));
		assertConforms(400, CATEGORIES, Map.of("pageSize", "5001"));
		assertConforms(200, CATEGORIES, Map.of("pageSize", "5000"));
	}

	private HttpResponse<String> assertConforms(int expectedStatus, String path, Map<String, String> query) {
		return spec.assertGet(client, REFERENCE_TENANT, path, query, expectedStatus);
	}
}
