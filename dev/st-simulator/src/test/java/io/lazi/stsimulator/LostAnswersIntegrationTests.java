package io.lazi.stsimulator;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * "The write succeeds, its answer is lost" as a pushing client meets it: the call ends without an
 * answer, yet ServiceTitan holds the write, and the write counts per item tell one write from two.
 */
@Unthrottled
class LostAnswersIntegrationTests extends SimulatorIntegrationTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	@Test
	void appliesTheWriteLosesItsAnswerAndCountsWritesPerItem() {

		client.admin("DELETE", "/admin/faults/lost-answers", null); // other tests' writes of the same category
		var roots = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data");
		var chosen = roots.get(0).get("subcategories").get(0).get("id").asLong();
		var rule = client.admin("POST", "/admin/faults/lost-answers",
				"{\"tenant\": %d, \"categoryId\": %d, \"times\": 1}".formatted(REFERENCE_TENANT, chosen));
		assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);

		assertThatThrownBy(() -> client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + chosen, "{\"name\": \"Lost\"}"))
			.isInstanceOf(UncheckedIOException.class);

		var stored = client.read(client.get(REFERENCE_TENANT, CATEGORIES + "/" + chosen, Map.of()));
		assertThat(stored.get("name").asString()).as("the write happened").isEqualTo("Lost");
		var again = client.call(REFERENCE_TENANT, "PATCH", CATEGORIES + "/" + chosen, "{\"name\": \"Answered\"}");
		assertThat(again.statusCode()).as("one answer lost, the next one answered").isEqualTo(200);
		var writes = client.read(client.admin("GET", "/admin/stats/writes/" + REFERENCE_TENANT, null));
		assertThat(writes.get(Long.toString(chosen)).asLong()).isEqualTo(2);

		assertThat(client.admin("POST", "/admin/faults/lost-answers", "{\"tenant\": 1, \"times\": 0}").statusCode())
			.isEqualTo(400);
		client.admin("POST", "/admin/faults/reset", null);
		assertThat(client.read(client.admin("GET", "/admin/stats/writes/" + REFERENCE_TENANT, null)).size())
			.as("the faults end; what ServiceTitan applied is still counted").isOne();
		client.admin("DELETE", "/admin/faults/lost-answers", null);
		assertThat(client.read(client.admin("GET", "/admin/stats/writes/" + REFERENCE_TENANT, null)).size()).isZero();
	}
}
