package io.lazi.stsimulator;

import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripted faults as a pushing client meets them: the chosen category's writes fail and no other,
 * a throttle plan answers exactly the planned 429s, and the statistics count calls by method.
 */
@Unthrottled
class ScriptedFaultsIntegrationTests extends SimulatorIntegrationTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	@Test
	void failsWritesOfTheChosenCategoryOnlyAndChangesNothingForThem() {

		var roots = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "2"))).get("data");
		var chosen = roots.get(0).get("subcategories").get(0).get("id").asLong();
		var other = roots.get(1).get("subcategories").get(0).get("id").asLong();
		var rule = client.admin("POST", "/admin/faults/items",
				"{\"tenant\": %d, \"categoryId\": %d, \"status\": 409, \"times\": 2, \"message\": \"Edited elsewhere\"}"
					.formatted(REFERENCE_TENANT, chosen));
		assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);

		var first = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + chosen, "{\"name\": \"A\"}");
		var untouched = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + other, "{\"name\": \"B\"}");
		var second = client.call(REFERENCE_TENANT, "DELETE", CATEGORIES + "/" + chosen, null);
		var third = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + chosen, "{\"name\": \"C\"}");

		assertThat(first.statusCode()).isEqualTo(409);
		assertThat(client.read(first).get("title").asString()).isEqualTo("Edited elsewhere");
		assertThat(client.read(first).get("status").asInt()).isEqualTo(409);
		assertThat(untouched.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(third.statusCode()).isEqualTo(200);
		assertThat(client.read(third).get("name").asString()).isEqualTo("C");
	}

	@Test
	void failsTheNextWriteCallsOfATenantWhateverTheCategory() {

		client.admin("POST", "/admin/faults/items", "{\"tenant\": %d, \"status\": 503, \"times\": 1}".formatted(REFERENCE_TENANT));

		var failed = client.call(REFERENCE_TENANT, "POST", CATEGORIES, "{\"name\": \"X\", \"categoryType\": \"Services\"}");
		var read = client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"));
		var otherTenant = client.call(ISOLATION_TENANT, "POST", "/pricebook/v2/tenant/%d/categories".formatted(ISOLATION_TENANT),
				"{\"name\": \"X\", \"categoryType\": \"Services\"}");
		var retried = client.call(REFERENCE_TENANT, "POST", CATEGORIES, "{\"name\": \"X\", \"categoryType\": \"Services\"}");

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(client.read(failed).has("traceId")).isTrue();
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(otherTenant.statusCode()).isEqualTo(201);
		assertThat(retried.statusCode()).isEqualTo(201);
	}

	@Test
	void answersExactlyThePlannedNumberOf429sAfterThePlannedCallsAndCountsThem() {

		client.admin("POST", "/admin/stats/reset", null);
		var plan = client.admin("POST", "/admin/faults/throttle",
				"{\"tenant\": %d, \"afterCalls\": 4, \"count\": 3, \"retryAfterSeconds\": 7}".formatted(REFERENCE_TENANT));
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);

		var statuses = new ArrayList<Integer>();
		var retryAfters = new ArrayList<String>();
		for (var call = 0; call < 10; call++) {
			var response = call % 2 == 0
					? client.call(REFERENCE_TENANT, "GET", CATEGORIES + "?pageSize=1", null)
					: client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/1", "{\"name\": \"X\"}");
			statuses.add(response.statusCode());
			response.headers().firstValue("Retry-After").ifPresent(retryAfters::add);
		}

		assertThat(statuses).containsExactly(200, 404, 200, 404, 429, 429, 429, 404, 200, 404);
		assertThat(retryAfters).containsExactly("7", "7", "7");
		var stats = client.read(client.admin("GET", "/admin/stats", null)).get(Long.toString(REFERENCE_TENANT));
		assertThat(stats.get("rateLimited").asLong()).isEqualTo(3);
		assertThat(stats.get("callsByMethod").get("GET").asLong()).isEqualTo(5);
		assertThat(stats.get("callsByMethod").get("PATCH").asLong()).isEqualTo(5);
		assertThat(client.read(client.admin("GET", "/admin/faults/throttle", null)).isEmpty()).isTrue();
	}

	@Test
	void refusesFaultRulesWithBadFieldsNamingThem() {

		var status = client.admin("POST", "/admin/faults/items", "{\"tenant\": 1, \"status\": 418}");
		var times = client.admin("POST", "/admin/faults/items", "{\"tenant\": 1, \"times\": 0}");
		var count = client.admin("POST", "/admin/faults/throttle", "{\"tenant\": 1, \"afterCalls\": 2}");

		assertThat(client.read(status).get("errors").has("status")).isTrue();
		assertThat(client.read(times).get("errors").has("times")).isTrue();
		assertThat(client.read(count).get("errors").has("count")).isTrue();
		assertThat(client.read(client.admin("GET", "/admin/faults/items", null)).isEmpty()).isTrue();
	}
}
