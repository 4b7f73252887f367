package io.lazi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.lazi.e2e.ReferenceFigures.depthCounts;
import static io.lazi.e2e.ReferenceFigures.stageCounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end, across real processes started exactly as {@code ./lazi up}
 * starts them: simulator → st-ingest → Kafka → pricebook → gateway, and notification → gateway →
 * a browser WebSocket. Asserts what a user of the reference tenant sees, and that a user of the
 * second tenant sees nothing of it. The second test reads the tree the first one synced; the third
 * reproduces the reference CRM sync (DESIGN §6 figures) through the gateway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PricebookSyncEndToEndIntegrationTests extends EndToEndTest {

	static final String OTHER_TENANT = "1000000002";

	@Test // GH-2
	@Order(1)
	void fullSyncThroughTheGatewayBuildsTheReferenceTreeAndNotifiesOnlyItsTenant() {

		var admin = token(TENANT, "ADMIN");
		try (var tenantSocket = new BrowserSocket(platform.wsUrl(), admin, TENANT);
				var otherSocket = new BrowserSocket(platform.wsUrl(), token(OTHER_TENANT, "VIEWER"), OTHER_TENANT)) {

			var accepted = gateway.post("/api/sync/pricebook/full", admin, TENANT);
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
			var runId = accepted.json().path("syncRunId").asString();

			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
				.until(() -> !forRun(tenantSocket.named("pricebook:categories:synced"), runId).isEmpty());

			assertThat(forRun(tenantSocket.named("sync:started"), runId)).hasSize(1);
			var completed = forRun(tenantSocket.named("sync:completed"), runId);
			assertThat(completed).hasSize(1);
			assertThat(completed.getFirst().path("data").path("subcategoryCount").asInt()).isEqualTo(2_023);
			assertThat(tenantSocket.named("pricebook:categories:updated")).isNotEmpty();

			var stats = gateway.get("/api/pricebook/categories/stats", admin, TENANT);
			assertThat(stats.status()).as(stats.body()).isEqualTo(200);
			assertThat(depthCounts(stats.json())).containsExactly(Map.entry(1, 209), Map.entry(2, 650),
					Map.entry(3, 681), Map.entry(4, 264), Map.entry(5, 123), Map.entry(6, 49), Map.entry(7, 39),
					Map.entry(8, 8));
			assertThat(stats.json().path("subcategories").asInt()).isEqualTo(2_023);
			assertThat(stats.json().path("withImage").asInt()).isPositive();

			// Nothing of the reference tenant reached the other tenant's browser.
			assertThat(otherSocket.messages()).noneMatch(m -> TENANT.equals(m.path("data").path("tenantId").asString()));
		}
	}

	@Test // GH-2
	@Order(2)
	void servesTheTreeToAViewerAndHidesItFromOtherTenants() {

		var viewer = token(TENANT, "VIEWER");

		var roots = gateway.get("/api/pricebook/categories?size=100", viewer, TENANT);
		assertThat(roots.status()).isEqualTo(200);
		var root = roots.json().path("items").get(0);
		var stId = root.path("stId").asLong();

		var tree = gateway.get("/api/pricebook/categories/" + stId + "/subcategories/tree", viewer, TENANT);
		assertThat(tree.status()).isEqualTo(200);
		assertDepthsDescend(tree.json(), 0);

		var otherTenantsView = gateway.get("/api/pricebook/categories/" + stId, token(OTHER_TENANT, "ADMIN"),
				OTHER_TENANT);
		assertThat(otherTenantsView.status()).isEqualTo(404);
		assertThat(otherTenantsView.json().path("type").asString()).isEqualTo("https://lazi.io/problems/not-found");

		var wrongTenant = gateway.get("/api/pricebook/categories/" + stId, token(OTHER_TENANT, "ADMIN"), TENANT);
		assertThat(wrongTenant.status()).isEqualTo(403);

		var viewerWrite = gateway.post("/api/sync/pricebook/full", viewer, TENANT);
		assertThat(viewerWrite.status()).isEqualTo(403);
	}

	@Test
	@Order(3)
	void crmSyncThroughTheGatewayReproducesTheReferenceRun() {

		var admin = token(TENANT, "ADMIN");
		try (var tenantSocket = new BrowserSocket(platform.wsUrl(), admin, TENANT)) {

			var accepted = gateway.post("/api/crm/sync/trigger", admin, TENANT);
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

			var stats = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
				.until(() -> gateway.get("/api/crm/sync/stats", admin, TENANT),
						r -> r.status() == 200 && r.json().path("contacts").asInt() == 450
								&& r.json().path("opportunities").asInt() == 91 && stageCounts(r.json()).equals(
										Map.of("Sales/Contacted", 37, "Sales/Proposal Sent", 38, "Install", 16)))
				.json();
			assertThat(stats.path("contacts").asInt()).isEqualTo(450);
			assertThat(stats.path("opportunities").asInt()).isEqualTo(91);
			assertThat(stageCounts(stats)).containsOnly(Map.entry("Sales/Contacted", 37),
					Map.entry("Sales/Proposal Sent", 38), Map.entry("Install", 16));

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tenantSocket.named("crm:stage-moved"))
				.anyMatch(m -> TENANT.equals(m.path("data").path("tenantId").asString())));
		}
	}

	private static void assertDepthsDescend(JsonNode node, int depth) {

		assertThat(node.path("depth").asInt()).isEqualTo(depth);
		for (var child : node.path("children")) {
			assertThat(child.path("parentStId").asLong()).isEqualTo(node.path("stId").asLong());
			assertDepthsDescend(child, depth + 1);
		}
	}

	private static List<JsonNode> forRun(List<JsonNode> messages, String runId) {
		return messages.stream().filter(m -> runId.equals(m.path("data").path("syncRunId").asString())).toList();
	}
}
