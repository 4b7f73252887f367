package io.lazi.stsimulator;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the fault harness asks of the simulator: a synthetic pricebook of a chosen size, ServiceTitan users'
 * edits that the next incremental pull sees (the write counts and lost answers: LostAnswersIntegrationTests).
 */
@Unthrottled
class FaultHarnessAdminIntegrationTests extends SimulatorIntegrationTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	@AfterEach
	void clearWrites() {
		client.admin("DELETE", "/admin/faults/lost-answers", null);
	}

	@Test
	void installsTheSameSyntheticPricebookForTheSameSeedNeverDeeperThanEightLevels() {

		var installed = client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/synthetic",
				"{\"categories\": 2000, \"seed\": 7}");
		assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
		var first = categories(ISOLATION_TENANT);
		client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/synthetic", "{\"categories\": 2000, \"seed\": 7}");

		assertThat(first).hasSize(2000);
		assertThat(categories(ISOLATION_TENANT).toString()).isEqualTo(first.toString());
		assertThat(depths(first).values()).allMatch(depth -> depth <= 8).contains(8);
		var listed = client.read(client.get(ISOLATION_TENANT, "/pricebook/v2/tenant/%d/categories".formatted(ISOLATION_TENANT),
				Map.of("includeTotal", "true", "active", "Any")));
		assertThat(listed.get("totalCount").asInt()).isEqualTo(20);
	}

	@Test
	void copiesTheReferencePricebookUnderNewIdsModifiedNow() {

		var before = java.time.Instant.now();
		var copied = client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/copy",
				"{\"from\": " + REFERENCE_TENANT + ", \"idOffset\": 1000000000}");

		assertThat(copied.statusCode()).as(copied.body()).isEqualTo(200);
		var reference = categories(REFERENCE_TENANT);
		var copy = categories(ISOLATION_TENANT);
		assertThat(copy).hasSameSizeAs(reference);
		assertThat(client.read(copied).get("categories").asInt()).isEqualTo(reference.size());
		reference.forEach((id, original) -> {
			var twin = copy.get(id + 1_000_000_000L);
			assertThat(twin.get("name").asString()).isEqualTo(original.get("name").asString());
			assertThat(twin.get("position").asInt()).isEqualTo(original.get("position").asInt());
			assertThat(twin.get("image").asString("")).isEqualTo(original.get("image").asString(""));
			assertThat(twin.get("parentId").isNull() ? null : twin.get("parentId").asLong() - 1_000_000_000L)
				.isEqualTo(original.get("parentId").isNull() ? null : original.get("parentId").asLong());
			assertThat(java.time.Instant.parse(twin.get("modifiedOn").asString())).isAfterOrEqualTo(before);
		});
		var bad = client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/copy", "{\"from\": " + REFERENCE_TENANT + "}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("idOffset");
		assertThat(client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/copy",
				"{\"from\": 42, \"idOffset\": 1}").statusCode()).isEqualTo(404);
	}

	@Test
	void scriptedEditsReachTheNextIncrementalPull() {

		client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/synthetic", "{\"categories\": 300, \"seed\": 1}");
		var before = java.time.Instant.now();
		var edits = client.read(client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/synthetic/edits",
				"{\"count\": 50, \"seed\": 3}"));

		var made = edits.properties().stream().mapToInt(entry -> entry.getValue().asInt()).sum();
		assertThat(made).isBetween(40, 50);
		var changed = categories(ISOLATION_TENANT).values().stream()
			.filter(c -> !java.time.Instant.parse(c.get("modifiedOn").asString()).isBefore(before))
			.count();
		assertThat(changed).isPositive();
		var bad = client.admin("POST", "/admin/tenants/" + ISOLATION_TENANT + "/synthetic/edits", "{\"count\": 0}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("count");
	}

	private Map<Long, JsonNode> categories(long tenant) {

		var all = new HashMap<Long, JsonNode>();
		client.read(client.admin("GET", "/admin/tenants/" + tenant + "/categories", null))
			.forEach(category -> all.put(category.get("id").asLong(), category));
		return all;
	}

	private static Map<Long, Integer> depths(Map<Long, JsonNode> categories) {

		var depths = new HashMap<Long, Integer>();
		categories.forEach((id, category) -> {
			var depth = 0;
			for (var node = category; !node.get("parentId").isNull(); node = categories.get(node.get("parentId").asLong())) {
				depth++;
			}
			depths.put(id, depth);
		});
		return depths;
	}
}
