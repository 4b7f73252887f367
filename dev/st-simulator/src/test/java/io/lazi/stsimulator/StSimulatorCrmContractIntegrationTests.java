package io.lazi.stsimulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that what the simulator answers on ServiceTitan's settings, crm, jpm and sales paths, and
 * what these tests send, validates against ServiceTitan's own OpenAPI exports ({@code shared/servicetitan/
 * specs/{settings,crm,jpm,salestech}-v2.json}, siblings of the repository root; never copied into the
 * repository). Skipped when the specs are absent.
 */
class StSimulatorCrmContractIntegrationTests extends SimulatorIntegrationTest {

	private static final Map<String, String> SPEC_FILES = Map.of("/settings/v2", "settings-v2.json", "/crm/v2", "crm-v2.json",
			"/jpm/v2", "jpm-v2.json", "/sales/v2", "salestech-v2.json");

	private static final Map<String, ServiceTitanSpec> SPECS = new LinkedHashMap<>();

	@BeforeAll
	static void loadSpecifications() throws IOException {

		for (var entry : SPEC_FILES.entrySet()) {
			SPECS.put(entry.getKey(), ServiceTitanSpec.load(entry.getValue(), entry.getKey()));
		}
	}

	@Test // GH-5
	void answersTheBusinessUnitListPerSpec() {

		var units = client.read(assertConforms(REFERENCE_TENANT, "/settings/v2", "/business-units", paged()));
		assertThat(units.get("data")).hasSize(6);
	}

	@Test // GH-5
	void answersTheCustomerListAndAContactListPerSpec() {

		var customers = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers", paged()));
		assertThat(customers.get("totalCount").asInt()).isEqualTo(450);
		var id = customers.get("data").get(0).get("id").asLong();
		var contacts = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers/" + id + "/contacts",
				Map.of("page", "1", "pageSize", "50", "includeTotal", "true")));
		assertThat(contacts.get("data")).hasSize(2);
	}

	@Test // issue 15: st-ingest reads the customers whose contacts changed by id; the list ignored ids and answered others
	void answersTheCustomerListByIdsPerSpec() {

		var customers = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers",
				Map.of("ids", "70000377,70000005", "pageSize", "50", "active", "Any")));
		assertThat(customers.get("data").valueStream().map(c -> c.get("id").asLong())).containsExactly(70000005L, 70000377L);
		assertConforms(400, REFERENCE_TENANT, "/crm/v2", "/customers", Map.of("ids", "x"));
	}

	@Test // issue 15: incremental pulls see a contact edited on its own
	void answersTheModifiedContactsListPerSpecWithAContactEditedOnItsOwn() {

		var page = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers/contacts",
				Map.of("modifiedOnOrAfter", "2000-01-01T00:00:00Z", "includeTotal", "true", "pageSize", "10")));
		assertThat(page.get("data")).hasSize(10);
		var contact = page.get("data").get(0);
		var customerId = contact.get("customerId").asLong();
		var ofCustomer = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers/contacts",
				Map.of("customerIds", Long.toString(customerId))));
		assertThat(ofCustomer.get("data").valueStream().map(c -> c.get("customerId").asLong())).hasSize(2)
			.containsOnly(customerId);
		assertConforms(400, REFERENCE_TENANT, "/crm/v2", "/customers/contacts", Map.of("page", "1"));

		var since = java.time.Instant.now().minusMillis(1).toString();
		try {
			var edited = client.admin("PATCH", "/admin/tenants/%d/contacts/%d".formatted(REFERENCE_TENANT,
					contact.get("id").asLong()), "{\"value\": \"2085550199\"}");
			assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

			var changed = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers/contacts",
					Map.of("modifiedOnOrAfter", since)));
			assertThat(changed.get("data")).singleElement().satisfies(c -> {
				assertThat(c.get("id").asLong()).isEqualTo(contact.get("id").asLong());
				assertThat(c.get("value").asString()).isEqualTo("2085550199");
			});
			var customers = client.read(client.get(REFERENCE_TENANT, "/crm/v2/tenant/%d/customers".formatted(REFERENCE_TENANT),
					Map.of("modifiedOnOrAfter", since)));
			assertThat(customers.get("data")).as("the customer itself did not change").isEmpty();
		}
		finally {
			client.admin("POST", "/admin/crm/reset", null);
		}
	}

	@Test
	void answersTheLocationListAndItsFiltersPerSpec() {

		var locations = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/locations", paged()));
		assertThat(locations.get("totalCount").asInt()).isEqualTo(450);
		var first = locations.get("data").get(0);
		assertThat(first.get("name").asString()).isEqualTo("Home");
		var customerId = first.get("customerId").asLong();

		var ofCustomer = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/locations",
				Map.of("customerId", Long.toString(customerId), "includeTotal", "true")));
		assertThat(ofCustomer.get("data")).hasSize(1);
		var byIds = client.read(assertConforms(ISOLATION_TENANT, "/crm/v2", "/locations",
				Map.of("ids", "95000001,95000002", "modifiedOnOrAfter", "2025-01-01T00:00:00Z", "active", "Any")));
		assertThat(byIds.get("data")).hasSize(2);
		assertConforms(400, REFERENCE_TENANT, "/crm/v2", "/locations", Map.of("pageSize", "5001"));
	}

	@Test // GH-5
	void answersAContactListOfAMissingCustomerWithA404PerSpec() {
		assertConforms(404, REFERENCE_TENANT, "/crm/v2", "/customers/1/contacts", Map.of());
	}

	@Test // GH-5
	void answersTheJobAndAppointmentListsPerSpec() {

		var jobs = new LinkedHashMap<>(paged());
		jobs.remove("active");
		assertConforms(ISOLATION_TENANT, "/jpm/v2", "/jobs", jobs);
		assertConforms(REFERENCE_TENANT, "/jpm/v2", "/appointments", paged());
	}

	@Test // GH-5
	void answersTheEstimateListWithItsStatusObjectPerSpec() {

		var estimates = client.read(assertConforms(ISOLATION_TENANT, "/sales/v2", "/estimates", paged()));
		assertThat(estimates.get("data").get(0).get("status").has("value")).isTrue();
	}

	@Test // GH-5
	void answersFilteredListsPerSpec() {

		var query = Map.of("modifiedOnOrAfter", "2025-01-01T00:00:00Z", "modifiedBefore", "2099-01-01T00:00:00Z",
				"createdOnOrAfter", "2024-01-01T00:00:00Z", "createdBefore", "2099-01-01T00:00:00Z", "page", "2", "pageSize", "10");
		assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers", query);
		assertConforms(REFERENCE_TENANT, "/sales/v2", "/estimates", query);
	}

	@Test // GH-5
	void rejectsAnInvalidFilterNamingTheParameterPerSpec() {

		// The request itself breaks the spec here, so only the answer is checked.
		var response = client.get(REFERENCE_TENANT, "/crm/v2/tenant/" + REFERENCE_TENANT + "/customers",
				Map.of("modifiedOnOrAfter", "yesterday"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(client.read(response).get("errors").has("modifiedOnOrAfter")).isTrue();
		assertConforms(400, REFERENCE_TENANT, "/jpm/v2", "/appointments", Map.of("pageSize", "5001"));

		var notANumber = client.get(REFERENCE_TENANT, "/jpm/v2/tenant/" + REFERENCE_TENANT + "/jobs",
				Map.of("pageSize", "abc"));
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(client.read(notANumber).get("errors").has("pageSize")).isTrue();
	}

	@Test // issue 15: the fault harness's synthetic CRM tenant, edited
	void answersTheListsOfAnEditedSyntheticTenantPerSpec() {

		try {
			client.admin("POST", "/admin/tenants/%d/synthetic-crm".formatted(REFERENCE_TENANT), "{\"customers\": 400, \"seed\": 2}");
			var since = java.time.Instant.now().minusMillis(1).toString();
			client.admin("POST", "/admin/tenants/%d/synthetic-crm/edits".formatted(REFERENCE_TENANT), "{\"count\": 150, \"seed\": 4}");

			assertConforms(REFERENCE_TENANT, "/settings/v2", "/business-units", paged());
			var customers = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers", paged()));
			assertThat(customers.get("totalCount").asInt()).isGreaterThan(400);
			assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers/" + customers.get("data").get(6).get("id").asLong() + "/contacts",
					Map.of("page", "1", "pageSize", "50"));
			var contacts = client.read(assertConforms(REFERENCE_TENANT, "/crm/v2", "/customers/contacts",
					Map.of("modifiedOnOrAfter", since, "pageSize", "5000")));
			assertThat(contacts.get("data")).isNotEmpty();
			assertConforms(REFERENCE_TENANT, "/crm/v2", "/locations", paged());
			var jobs = new LinkedHashMap<>(paged());
			jobs.remove("active");
			assertConforms(REFERENCE_TENANT, "/jpm/v2", "/jobs", jobs);
			assertConforms(REFERENCE_TENANT, "/jpm/v2", "/appointments", paged());
			assertConforms(REFERENCE_TENANT, "/sales/v2", "/estimates", paged());
		}
		finally {
			client.admin("POST", "/admin/crm/reset", null);
		}
	}

	private static Map<String, String> paged() {
		return Map.of("page", "1", "pageSize", "5000", "includeTotal", "true", "active", "Any");
	}

	private HttpResponse<String> assertConforms(long tenant, String module, String path, Map<String, String> query) {
		return assertConforms(200, tenant, module, path, query);
	}

	private HttpResponse<String> assertConforms(int expectedStatus, long tenant, String module, String path,
			Map<String, String> query) {
		return SPECS.get(module).assertGet(client, tenant, module + "/tenant/" + tenant + path, query, expectedStatus);
	}
}
