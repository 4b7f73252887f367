package io.lazi.stsimulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StSimulatorIntegrationTests extends SimulatorIntegrationTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories";

	@Test
	void issuesBearerTokensForValidClientCredentials() {

		var response = client.requestToken("client_credentials", "cid.sim-3222348440", "cs1.sim-3222348440");

		assertThat(response.statusCode()).isEqualTo(200);
		var body = client.read(response);
		assertThat(body.get("access_token").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		assertThat(body.get("expires_in").asInt()).isEqualTo(900);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("scope").asString()).isNotBlank();
	}

	@Test
	void rejectsBadCredentialsAndGrantTypesTheOAuthWay() {

		var badSecret = client.requestToken("client_credentials", "cid.sim-3222348440", "cs1.sim-1000000002");
		var badGrant = client.requestToken("password", "cid.sim-3222348440", "cs1.sim-3222348440");

		assertThat(badSecret.statusCode()).isEqualTo(400);
		assertThat(client.read(badSecret).get("error").asString()).isEqualTo("invalid_client");
		assertThat(badGrant.statusCode()).isEqualTo(400);
		assertThat(client.read(badGrant).get("error").asString()).isEqualTo("unsupported_grant_type");
	}

	@Test
	void requiresTheAppKeyAndABearerToken() {

		var uri = client.uri(CATEGORIES.formatted(REFERENCE_TENANT), Map.of());
		var bearer = "Bearer " + client.token(REFERENCE_TENANT);

		var noKey = client.getOnce(uri, Map.of("Authorization", bearer));
		var noBearer = client.getOnce(uri, Map.of("ST-App-Key", SimulatorClient.APP_KEY));
		var unknownBearer = client.getOnce(uri, Map.of("ST-App-Key", SimulatorClient.APP_KEY, "Authorization", "Bearer x"));
		var keyAsQuery = client.getOnce(client.uri(CATEGORIES.formatted(REFERENCE_TENANT),
				Map.of("servicetitanapplicationkey", SimulatorClient.APP_KEY)), Map.of("Authorization", bearer));

		for (var response : List.of(noKey, noBearer, unknownBearer)) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(client.read(response).get("statusCode").asInt()).isEqualTo(401);
			assertThat(client.read(response).get("message").asString()).isNotBlank();
		}
		assertThat(keyAsQuery.statusCode()).isEqualTo(200);
	}

	@Test
	void bindsTokensToTheirTenant() {

		var otherTenant = client.getOnce(client.uri(CATEGORIES.formatted(ISOLATION_TENANT), Map.of()),
				client.apiHeaders(REFERENCE_TENANT));
		var unknownTenant = client.getOnce(client.uri(CATEGORIES.formatted(999L), Map.of()),
				client.apiHeaders(REFERENCE_TENANT));

		assertThat(otherTenant.statusCode()).isEqualTo(403);
		assertThat(client.read(otherTenant).get("status").asInt()).isEqualTo(403);
		assertThat(unknownTenant.statusCode()).isEqualTo(404);
		assertThat(client.read(unknownTenant).get("traceId").asString()).isNotBlank();
	}

	@Test
	void pagesRootCategoriesWithHasMoreAndTotalCount() {

		var first = client.read(list(REFERENCE_TENANT, Map.of("pageSize", "10", "includeTotal", "true")));
		var last = client.read(list(REFERENCE_TENANT, Map.of("page", "3", "pageSize", "10")));

		assertThat(first.get("page").asInt()).isEqualTo(1);
		assertThat(first.get("hasMore").asBoolean()).isTrue();
		assertThat(first.get("totalCount").asInt()).isEqualTo(27);
		assertThat(first.get("data")).hasSize(10).allSatisfy(root -> assertThat(root.get("parentId").isNull()).isTrue());
		assertThat(last.get("hasMore").asBoolean()).isFalse();
		assertThat(last.get("totalCount").isNull()).isTrue();
		assertThat(last.get("data")).hasSize(7);
		assertThat(first.get("data").get(0).get("modifiedOn").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
	}

	@Test
	void nestsEverySubcategoryUpToDepthEight() {

		var roots = client.read(list(REFERENCE_TENANT, Map.of("pageSize", "50")));
		var nested = new ArrayList<JsonNode>();
		roots.get("data").forEach(root -> collectNested(root, nested));

		assertThat(nested).hasSize(2023);
		assertThat(roots.get("data").valueStream().mapToInt(StSimulatorIntegrationTests::height).max()).hasValue(8);
	}

	@Test
	void nullsNestedImagesInTheListButNotInGetById() {

		var roots = client.read(list(REFERENCE_TENANT, Map.of("pageSize", "50"))).get("data");
		var nested = new ArrayList<JsonNode>();
		roots.forEach(root -> collectNested(root, nested));

		assertThat(roots.valueStream().filter(root -> !root.get("image").isNull())).isNotEmpty();
		assertThat(nested).allSatisfy(node -> assertThat(node.get("image").isNull()).isTrue());
		var withImage = nested.stream()
			.map(node -> client.read(client.get(REFERENCE_TENANT, CATEGORIES.formatted(REFERENCE_TENANT) + "/"
					+ node.get("id").asLong(), Map.of())))
			.filter(node -> !node.get("image").isNull())
			.findFirst()
			.orElseThrow();
		assertThat(withImage.get("image").asString()).startsWith("Images/Category/");
		assertThat(withImage.get("parentId").isNull()).isFalse();
	}

	@Test
	void filtersByActiveCategoryTypeAndSortsByName() {

		var active = client.read(list(ISOLATION_TENANT, Map.of()));
		var any = client.read(list(ISOLATION_TENANT, Map.of("active", "Any")));
		var materials = client.read(list(ISOLATION_TENANT, Map.of("categoryType", "Materials")));
		var byName = client.read(list(ISOLATION_TENANT, Map.of("sort", "-Name")));

		assertThat(active.toString()).doesNotContain("Legacy Shingles");
		assertThat(any.toString()).contains("Legacy Shingles");
		assertThat(materials.get("data").valueStream().map(root -> root.get("name").asString())).containsExactly("Solar");
		assertThat(byName.get("data").valueStream().map(root -> root.get("name").asString()))
			.containsExactly("Solar", "Roofing", "Gutters");
	}

	@Test
	void exportsEveryCategoryFlatInBatchesWithContinueFrom() {

		var ids = new HashSet<Long>();
		var batches = 0;
		var previous = new ArrayList<JsonNode>();
		JsonNode batch;
		String from = null;
		do {
			batch = client.read(client.get(REFERENCE_TENANT, "/pricebook/v2/tenant/%d/export/categories"
				.formatted(REFERENCE_TENANT), from == null ? Map.of() : Map.of("from", from)));
			assertThat(batch.get("data").size()).isLessThanOrEqualTo(500);
			batch.get("data").forEach(item -> {
				assertThat(ids.add(item.get("id").asLong())).isTrue();
				assertThat(item.get("subcategories")).isEmpty();
				if (!previous.isEmpty()) {
					assertThat(feedKey(item)).isGreaterThan(feedKey(previous.getLast()));
				}
				previous.add(item);
			});
			from = batch.get("continueFrom").asString();
			batches++;
		}
		while (batch.get("hasMore").asBoolean());

		assertThat(ids).hasSize(2050);
		assertThat(batches).isEqualTo(5);
		var caughtUp = client.read(client.get(REFERENCE_TENANT,
				"/pricebook/v2/tenant/%d/export/categories".formatted(REFERENCE_TENANT), Map.of("from", from)));
		assertThat(caughtUp.get("data")).isEmpty();
		assertThat(caughtUp.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void redirectsImagesToTheCdnWhichServesRealImageBytes() {

		var root = client.read(list(ISOLATION_TENANT, Map.of())).get("data").get(0);
		var redirect = image(ISOLATION_TENANT, root.get("image").asString());

		assertThat(redirect.statusCode()).isEqualTo(302);
		var location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		var bytes = client.getBytes(location);
		assertThat(bytes.statusCode()).isEqualTo(200);
		assertThat(bytes.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(bytes.body()).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
		assertThat(image(ISOLATION_TENANT, "Category/x.png").statusCode()).isEqualTo(400);
		assertThat(image(ISOLATION_TENANT, "Images/Category/missing.png").statusCode()).isEqualTo(404);
	}

	@Test
	void answers429WithRetryAfterBeyondSixtyCallsPerSecond() {

		client.admin("POST", "/admin/stats/reset", null);
		var uri = client.uri(CATEGORIES.formatted(ISOLATION_TENANT), Map.of("pageSize", "1"));
		var request = HttpRequest.newBuilder(uri);
		client.apiHeaders(ISOLATION_TENANT).forEach(request::header);
		var calls = IntStream.range(0, 80)
			.mapToObj(index -> client.http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
			.toList();
		var responses = calls.stream().map(CompletableFuture::join).toList();

		var throttled = responses.stream().filter(response -> response.statusCode() == 429).toList();
		assertThat(responses.stream().filter(response -> response.statusCode() == 200).count()).isLessThanOrEqualTo(60);
		assertThat(throttled).isNotEmpty().allSatisfy(response -> {
			assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(1);
			assertThat(client.read(response).get("message").asString()).matches("Rate limit is exceeded. Try again in \\d+ seconds.");
		});
		var stats = client.read(client.admin("GET", "/admin/stats", null)).get(Long.toString(ISOLATION_TENANT));
		assertThat(stats.get("rateLimited").asLong()).isEqualTo(throttled.size());
		assertThat(stats.get("apiCalls").asLong()).isEqualTo(80);
		await().atMost(Duration.ofSeconds(5)).until(() -> client.getOnce(uri, client.apiHeaders(ISOLATION_TENANT)).statusCode() == 200);
	}

	@Test
	void injectsErrorsLatencyAStormAndATokenOutage() {

		var uri = client.uri(CATEGORIES.formatted(ISOLATION_TENANT), Map.of());
		var headers = client.apiHeaders(ISOLATION_TENANT);

		faults("{\"errorRate\":1.0}");
		assertThat(client.getOnce(uri, headers).statusCode()).isEqualTo(503);

		faults("{\"latencyMs\":400}");
		var started = System.nanoTime();
		assertThat(client.getOnce(uri, headers).statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

		faults("{\"rateLimitStormUntil\":\"%s\"}".formatted(Instant.now().plusSeconds(30)));
		var storm = client.getOnce(uri, headers);
		assertThat(storm.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(storm.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);

		faults("{\"tokenEndpointDown\":true}");
		assertThat(client.read(client.admin("GET", "/admin/faults", null)).get("tokenEndpointDown").asBoolean()).isTrue();
		assertThat(client.requestToken("client_credentials", "cid.sim-1000000002", "cs1.sim-1000000002").statusCode())
			.isEqualTo(503);
		assertThat(client.getOnce(uri, headers).statusCode()).isEqualTo(200);

		client.admin("POST", "/admin/faults/reset", null);
		assertThat(client.requestToken("client_credentials", "cid.sim-1000000002", "cs1.sim-1000000002").statusCode())
			.isEqualTo(200);
	}

	@Test
	void showsAdminEditsInTheModifiedOnOrAfterFilter() {

		var since = Instant.now().minusSeconds(1);
		var filter = Map.of("modifiedOnOrAfter", since.toString(), "includeTotal", "true");
		assertThat(client.read(list(REFERENCE_TENANT, filter)).get("totalCount").asInt()).isZero();
		var deep = client.read(list(REFERENCE_TENANT, Map.of("pageSize", "1"))).get("data").get(0)
			.get("subcategories").get(0).get("subcategories").get(0);

		var edited = client.admin("PATCH", "/admin/tenants/%d/categories/%d".formatted(REFERENCE_TENANT, deep.get("id").asLong()),
				"{\"name\":\"Renamed In ServiceTitan\",\"image\":\"Images/Category/renamed.jpg\"}");

		assertThat(edited.statusCode()).isEqualTo(200);
		assertThat(Instant.parse(client.read(edited).get("modifiedOn").asString())).isAfterOrEqualTo(since);
		var changed = client.read(list(REFERENCE_TENANT, filter));
		assertThat(changed.get("totalCount").asInt()).isEqualTo(1);
		assertThat(changed.toString()).contains("Renamed In ServiceTitan");
		assertThat(image(REFERENCE_TENANT, "Images/Category/renamed.jpg").statusCode()).isEqualTo(302);
		var deleted = client.admin("DELETE", "/admin/tenants/%d/categories/%d".formatted(REFERENCE_TENANT,
				deep.get("id").asLong()), null);
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(client.get(REFERENCE_TENANT, CATEGORIES.formatted(REFERENCE_TENANT) + "/" + deep.get("id").asLong(),
				Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void countsApiCallsAndTokenRequestsPerTenantAndReportsHealth() {

		client.token(ISOLATION_TENANT);
		client.admin("POST", "/admin/stats/reset", null);
		client.requestToken("client_credentials", "cid.sim-1000000002", "cs1.sim-1000000002");
		list(ISOLATION_TENANT, Map.of());
		list(ISOLATION_TENANT, Map.of());

		var stats = client.read(client.admin("GET", "/admin/stats", null)).get(Long.toString(ISOLATION_TENANT));
		assertThat(stats.get("tokenRequests").asLong()).isEqualTo(1);
		assertThat(stats.get("apiCalls").asLong()).isEqualTo(2);
		assertThat(client.read(client.admin("GET", "/actuator/health", null)).get("status").asString()).isEqualTo("UP");
	}

	private HttpResponse<String> list(long tenant, Map<String, String> query) {
		return client.get(tenant, CATEGORIES.formatted(tenant), query);
	}

	private HttpResponse<String> image(long tenant, String path) {
		return client.get(tenant, "/pricebook/v2/tenant/%d/images".formatted(tenant), Map.of("path", path));
	}

	private void faults(String json) {
		assertThat(client.admin("PUT", "/admin/faults", json).statusCode()).isEqualTo(200);
	}

	private static String feedKey(JsonNode item) {

		var modifiedOn = Instant.parse(item.get("modifiedOn").asString());
		return "%012d.%09d|%012d".formatted(modifiedOn.getEpochSecond(), modifiedOn.getNano(), item.get("id").asLong());
	}

	private static void collectNested(JsonNode node, List<JsonNode> into) {
		node.get("subcategories").forEach(child -> {
			into.add(child);
			collectNested(child, into);
		});
	}

	private static int height(JsonNode node) {
		return node.get("subcategories").valueStream().mapToInt(child -> 1 + height(child)).max().orElse(0);
	}
}
