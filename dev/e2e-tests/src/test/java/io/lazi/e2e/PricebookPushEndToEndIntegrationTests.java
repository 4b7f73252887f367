package io.lazi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The pricebook write path across real processes: a user's overrides go through the gateway to
 * pricebook-service, out on {@code st.commands} to st-ingest, into the simulated ServiceTitan, and
 * their outcomes come back to the browser; a ServiceTitan edit of a locally changed category becomes
 * a conflict that only the user resolves.
 */
class PricebookPushEndToEndIntegrationTests extends EndToEndTest {

	static Simulator simulator;

	static String admin;

	@BeforeAll
	static void syncedPlatform() throws Exception {

		simulator = new Simulator(platform.simulatorUrl());
		admin = token(TENANT, "ADMIN");
		syncPricebookOnce(admin);
	}

	@AfterEach
	void clearFaults() {
		simulator.admin("POST", "/admin/faults/reset", null);
	}

	@Test // GH-3
	void pushesOverridesToServiceTitanAndKeepsTheItemServiceTitanRefusedPendingWithItsError() throws Exception {

		var targets = unchangedSubcategories(2);
		var renamed = targets.get(0).path("stId").asLong();
		var refused = targets.get(1).path("stId").asLong();
		var upload = gateway.upload("/images/uploads", admin, TENANT, "pump.png", "image/png", png());
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);

		try (var socket = new BrowserSocket(platform.wsUrl(), admin, TENANT)) {
			var saved = override(renamed, """
					{"name": "Variable-Speed Pumps (Lazi)", "imageUploadId": "%s", "position": 7}"""
				.formatted(upload.json().path("id").asString()));
			assertThat(saved.path("pending").asBoolean()).isTrue();
			assertThat(saved.path("name").asString()).isEqualTo("Variable-Speed Pumps (Lazi)");
			assertThat(saved.path("st").path("name").asString()).isEqualTo(targets.get(0).path("name").asString());
			override(refused, """
					{"name": "Refused By ServiceTitan"}""");
			await().atMost(Duration.ofSeconds(20)).until(() -> socket.named("pricebook:categories:updated").stream()
				.anyMatch(m -> m.path("data").path("stId").asLong() == renamed));

			simulator.admin("POST", "/admin/faults/items", """
					{"tenant": %s, "categoryId": %d, "status": 503, "times": -1}""".formatted(TENANT, refused));
			var pushId = push(2);
			var pushed = awaitPushed(socket, pushId);
			assertThat(pushed.path("success").asInt()).isEqualTo(1);
			assertThat(pushed.path("failed").asInt()).isEqualTo(1);
		}

		var inServiceTitan = simulator.category(TENANT, renamed);
		assertThat(inServiceTitan.path("name").asString()).isEqualTo("Variable-Speed Pumps (Lazi)");
		assertThat(inServiceTitan.path("position").asInt()).isEqualTo(7);
		assertThat(inServiceTitan.path("image").asString()).startsWith("Images/");
		assertThat(simulator.category(TENANT, refused).path("name").asString()).isNotEqualTo("Refused By ServiceTitan");

		var pending = gateway.get("/api/pricebook/categories/pending", admin, TENANT).json();
		assertThat(ids(pending.path("items"))).contains(refused).doesNotContain(renamed);
		var errors = gateway.get("/api/pricebook/categories/errors", admin, TENANT).json();
		var error = errors.valueStream().filter(e -> e.path("stId").asLong() == refused).findFirst()
			.orElseThrow();
		assertThat(error.path("stStatus").asInt()).isEqualTo(503);

		simulator.admin("POST", "/admin/faults/reset", null);
		var fixed = gateway.post("/api/pricebook/categories/errors/" + error.path("id").asString() + "/auto-fix", admin,
				TENANT);
		assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60)).until(() -> simulator.category(TENANT, refused).path("name").asString()
			.equals("Refused By ServiceTitan"));

		incrementalSync();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(ids(gateway.get("/api/pricebook/categories/pending", admin, TENANT).json().path("items")))
				.doesNotContain(renamed, refused);
			assertThat(conflictIds()).doesNotContain(renamed, refused);
		});
		var view = gateway.get("/api/pricebook/categories/" + renamed, admin, TENANT).json();
		assertThat(view.path("st").path("name").asString()).isEqualTo("Variable-Speed Pumps (Lazi)");
		assertThat(view.path("st").path("imagePath").asString()).isEqualTo(inServiceTitan.path("image").asString());
	}

	@Test // issue 15: a write whose answer is lost is reconciled by reading ServiceTitan, never written twice
	void writesEachItemOnceWhenServiceTitanAppliesThePushedWritesButTheirAnswersAreLost() throws Exception {

		var targets = unchangedSubcategories(3).stream().map(item -> item.path("stId").asLong()).toList();
		try (var socket = new BrowserSocket(platform.wsUrl(), admin, TENANT)) {
			for (var stId : targets) {
				override(stId, """
						{"name": "Answer Lost %d"}""".formatted(stId));
			}
			simulator.admin("POST", "/admin/faults/lost-answers", """
					{"tenant": %s, "times": %d}""".formatted(TENANT, targets.size()));
			var pushed = awaitPushed(socket, push(targets.size()));
			assertThat(pushed.path("success").asInt()).isEqualTo(targets.size());
		}

		var writes = simulator.admin("GET", "/admin/stats/writes/" + TENANT, null);
		for (var stId : targets) {
			assertThat(writes.path(Long.toString(stId)).asLong()).as("writes of %d", stId).isEqualTo(1);
			assertThat(simulator.category(TENANT, stId).path("name").asString()).isEqualTo("Answer Lost " + stId);
		}
		assertThat(ids(gateway.get("/api/pricebook/categories/pending", admin, TENANT).json().path("items")))
			.doesNotContainAnyElementsOf(targets);
	}

	@Test // GH-3
	void flagsAServiceTitanEditOfALocallyChangedCategoryAndPushesTheLocalValueOnlyWhenTheUserKeepsIt() {

		var target = unchangedSubcategories(1).getFirst().path("stId").asLong();
		override(target, """
				{"name": "Renamed In Lazi"}""");
		simulator.admin("PATCH", "/admin/tenants/" + TENANT + "/categories/" + target, """
				{"name": "Renamed In ServiceTitan"}""");

		incrementalSync();
		var conflict = await().atMost(Duration.ofSeconds(30)).until(() -> conflicts().stream()
			.filter(c -> c.path("stId").asLong() == target).findFirst(), java.util.Optional::isPresent).orElseThrow();
		assertThat(conflict.path("type").asString()).isEqualTo("both_modified");
		var view = gateway.get("/api/pricebook/categories/" + target, admin, TENANT).json();
		assertThat(view.path("name").asString()).isEqualTo("Renamed In Lazi");
		assertThat(view.path("st").path("name").asString()).isEqualTo("Renamed In ServiceTitan");

		var nothingPushed = gateway.post("/api/pricebook/categories/push", admin, TENANT);
		assertThat(nothingPushed.status()).isEqualTo(202);
		assertThat(simulator.category(TENANT, target).path("name").asString()).isEqualTo("Renamed In ServiceTitan");

		var resolved = gateway.post("/api/sync/pricebook/resolve-conflict/" + conflict.path("id").asString(), admin,
				TENANT, """
						{"strategy": "keep_local"}""");
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(gateway.post("/api/pricebook/categories/push", admin, TENANT).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).until(() -> simulator.category(TENANT, target).path("name").asString()
			.equals("Renamed In Lazi"));
		assertThat(conflictIds()).doesNotContain(target);
	}

	private JsonNode override(long stId, String json) {

		var response = gateway.post("/api/pricebook/categories/subcategories/" + stId + "/override", admin, TENANT, json);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private String push(int expected) {

		var accepted = gateway.post("/api/pricebook/categories/push", admin, TENANT);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		assertThat(accepted.json().path("count").asInt()).isEqualTo(expected);
		return accepted.json().path("pushId").asString();
	}

	private static JsonNode awaitPushed(BrowserSocket socket, String pushId) {

		return await().atMost(Duration.ofSeconds(60)).until(() -> socket.named("pricebook:categories:pushed").stream()
			.filter(m -> pushId.equals(m.path("data").path("pushId").asString()))
			.findFirst(), java.util.Optional::isPresent).orElseThrow().path("data");
	}

	/** Active subcategories of the first roots that carry no local change, in tree order. */
	private List<JsonNode> unchangedSubcategories(int wanted) {

		var found = new ArrayList<JsonNode>();
		var roots = gateway.get("/api/pricebook/categories?size=100", admin, TENANT).json().path("items");
		for (var root : roots) {
			var flat = gateway.get("/api/pricebook/categories/" + root.path("stId").asLong() + "/subcategories/flat?size=200",
					admin, TENANT).json();
			for (var node : flat.path("items")) {
				if (found.size() < wanted && node.path("active").asBoolean() && !node.path("pending").asBoolean()
						&& node.path("conflictId").isNull()) {
					found.add(node);
				}
			}
			if (found.size() == wanted) {
				return found;
			}
		}
		throw new IllegalStateException("Only " + found.size() + " unchanged subcategories");
	}

	private void incrementalSync() {

		var run = gateway.post("/api/sync/pricebook/incremental", admin, TENANT);
		assertThat(run.status()).as(run.body()).isEqualTo(202);
		var runId = run.json().path("syncRunId").asString();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> runId.equals(gateway
			.get("/api/pricebook/categories/stats", admin, TENANT).json().path("lastSyncRunId").asString()));
	}

	private List<JsonNode> conflicts() {
		return gateway.get("/api/sync/pricebook/conflicts", admin, TENANT).json().path("items").valueStream().toList();
	}

	private List<Long> conflictIds() {
		return conflicts().stream().map(c -> c.path("stId").asLong()).toList();
	}

	private static List<Long> ids(JsonNode items) {
		return items.valueStream().map(i -> i.path("stId").asLong()).toList();
	}

	private static byte[] png() throws Exception {

		var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x2a9df4);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}
}
