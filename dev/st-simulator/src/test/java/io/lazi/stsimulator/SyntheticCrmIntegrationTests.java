package io.lazi.stsimulator;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the fault harness's CRM workload asks of the simulator: a synthetic CRM tenant of a chosen size that
 * covers every case of the pipeline rules, the same for the same seed, and scripted edits that the next
 * incremental pull sees, a contact edited on its own through the modified-contacts feed only.
 */
@Unthrottled
class SyntheticCrmIntegrationTests extends SimulatorIntegrationTest {

	private static final String ADMIN = "/admin/tenants/" + REFERENCE_TENANT;

	@AfterEach
	void restoreTheSeed() {
		client.admin("POST", "/admin/crm/reset", null);
	}

	@Test
	void installsTheSameTenantForTheSameSeedCoveringEveryPipelineCase() {

		var installed = client.admin("POST", ADMIN + "/synthetic-crm", "{\"customers\": 600, \"seed\": 5}");
		assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
		assertThat(client.read(installed).get("customers").asInt()).isEqualTo(600);
		var first = client.read(client.admin("GET", ADMIN + "/crm", null));
		client.admin("POST", ADMIN + "/synthetic-crm", "{\"customers\": 600, \"seed\": 5}");

		var again = client.read(client.admin("GET", ADMIN + "/crm", null));
		for (var records : java.util.List.of("customers", "contacts", "appointments", "estimates")) {
			assertThat(again.get(records).toString()).as(records).isEqualTo(first.get(records).toString());
		}
		assertThat(first.get("customers")).hasSize(600);
		assertThat(values(first.get("jobs"), "jobStatus")).containsExactlyInAnyOrder("Scheduled", "Dispatched",
				"InProgress", "Working", "Hold", "Completed", "Canceled");
		assertThat(values(first.get("estimates"), "status")).containsExactlyInAnyOrder("0", "1", "2");
		assertThat(values(first.get("appointments"), "status")).containsExactlyInAnyOrder("Scheduled", "Canceled");
		assertThat(values(first.get("contacts"), "type")).containsExactlyInAnyOrder("Phone", "Email", "MobilePhone");
		assertThat(values(first.get("businessUnits"), "name")).contains("Pool - Warranty", "Pool - Install",
				"Electrical - Service");
		var listed = client.read(client.get(REFERENCE_TENANT, "/crm/v2/tenant/%d/customers".formatted(REFERENCE_TENANT),
				Map.of("includeTotal", "true", "pageSize", "10")));
		assertThat(listed.get("totalCount").asInt()).isEqualTo(600);
		assertThat(first.get("jobs").valueStream().map(j -> Instant.parse(j.get("createdOn").asString())))
			.allMatch(created -> created.isBefore(Instant.now()));
	}

	@Test
	void scriptedEditsReachTheNextIncrementalPullAndAContactEditOnlyTheModifiedContactsFeed() {

		client.admin("POST", ADMIN + "/synthetic-crm", "{\"customers\": 300, \"seed\": 1}");
		var since = Instant.now().minusMillis(1).toString();
		var edits = client.read(client.admin("POST", ADMIN + "/synthetic-crm/edits", "{\"count\": 200, \"seed\": 3}"));

		assertThat(edits.properties().stream().mapToInt(entry -> entry.getValue().asInt()).sum()).isEqualTo(200);
		assertThat(edits.properties().stream().map(Map.Entry::getKey)).contains("job-status", "appointment", "estimate",
				"sell", "dismiss", "contact", "customer", "new-customer", "install-job");
		var changed = Map.of("/jpm/v2/tenant/%d/jobs", "job-status", "/jpm/v2/tenant/%d/appointments", "appointment",
				"/sales/v2/tenant/%d/estimates", "estimate", "/crm/v2/tenant/%d/customers", "customer",
				"/crm/v2/tenant/%d/customers/contacts", "contact");
		changed.forEach((path, kind) -> assertThat(client.read(client.get(REFERENCE_TENANT, path.formatted(REFERENCE_TENANT),
				Map.of("modifiedOnOrAfter", since, "includeTotal", "true"))).get("totalCount").asInt())
			.as(kind).isGreaterThanOrEqualTo(edits.get(kind).asInt()));
		var customers = client.read(client.get(REFERENCE_TENANT, "/crm/v2/tenant/%d/customers".formatted(REFERENCE_TENANT),
				Map.of("modifiedOnOrAfter", since, "pageSize", "5000")));
		var touched = new HashSet<Long>();
		customers.get("data").forEach(c -> touched.add(c.get("id").asLong()));
		var contacts = client.read(client.get(REFERENCE_TENANT,
				"/crm/v2/tenant/%d/customers/contacts".formatted(REFERENCE_TENANT),
				Map.of("modifiedOnOrAfter", since, "pageSize", "5000")));
		assertThat(contacts.get("data").valueStream().filter(c -> c.get("value").asString().startsWith("edited")
				|| c.get("value").asString().startsWith("623")))
			.as("contacts edited on their own, their customers untouched")
			.anySatisfy(c -> assertThat(touched).doesNotContain(c.get("customerId").asLong()));

		var bad = client.admin("POST", ADMIN + "/synthetic-crm/edits", "{\"count\": 0}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("count");
		assertThat(client.admin("POST", ADMIN + "/synthetic-crm", "{\"customers\": 100001}").body()).contains("customers");
	}

	private static Set<String> values(JsonNode records, String field) {

		var values = new HashSet<String>();
		records.forEach(record -> values.add(record.get(field).asString()));
		return values;
	}
}
