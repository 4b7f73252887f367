package io.lazi.stingest.pricebook;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.stingest.IntegrationTestSupport;

class PricebookSyncIntegrationTests extends IntegrationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void publishesTheTreeFirstThenEachRootAgainWithItsFetchedImagesThenTheCompletion() {

		var tenant = freshTenant();
		var leaf = category(13, 12L, null, "2025-11-18T09:41:02.127Z");
		var sub = category(12, 11L, null, "2025-11-18T09:40:55.730Z", leaf);
		stubList(tenant, category(11, null, "Images/Category/root.jpg", "2025-11-18T09:40:55.730Z", sub),
				category(21, null, null, "2024-01-09T22:13:47.115Z"));
		// ServiceTitan's by-id answers are slow: the tree must not wait for them
		stubById(tenant, sub.withImage("Images/Category/sub.png"), 400);
		stubById(tenant, leaf.withImage("Images/Category/leaf.png"), 400);

		try (var raw = new KafkaTestConsumer(Topics.ST_RAW_CATEGORIES);
				var syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS)) {
			var run = sync(tenant, "full");

			assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(run.path("rootCount").asInt()).isEqualTo(2);
			assertThat(run.path("subcategoryCount").asInt()).isEqualTo(2);
			assertThat(run.path("imagesFetched").asInt()).isEqualTo(2);
			assertThat(run.path("stCalls").asInt()).isEqualTo(3);
			assertThat(run.path("rateLimited").asInt()).isZero();
			assertThat(run.path("recordsPublishedMs").asLong()).as("the tree went out before the images' 400 ms")
				.isLessThan(run.path("durationMs").asLong() - 300);

			raw.await(r -> r.key().equals(tenant + ":21"), WAIT);
			var withImages = raw.await(r -> r.key().equals(tenant + ":11") && subImage(r) != null, WAIT);
			var roots = forTenant(raw.records(), tenant);
			// different keys may land on different partitions: no order across roots
			assertThat(roots).extracting(ConsumerRecord::key)
				.containsExactlyInAnyOrder(tenant + ":11", tenant + ":11", tenant + ":21");
			var first = roots.stream().filter(r -> r.key().equals(tenant + ":11")).findFirst().orElseThrow();
			assertThat(header(first, "ce_type")).isEqualTo(Events.CATEGORY_FETCHED.name());
			assertThat(header(first, "ce_source")).isEqualTo("/lazi/st-ingest-service");
			assertThat(header(first, "ce_tenantid")).isEqualTo(tenant);
			assertThat(header(first, "ce_subject")).isEqualTo("11");
			assertThat(header(first, "ce_id")).isNotBlank();
			var tree = json.readValue(first.value(), CategoryFetched.class);
			assertThat(tree.syncRunId().toString()).isEqualTo(run.path("syncRunId").asString());
			assertThat(tree.syncType()).isEqualTo(SyncType.FULL);
			assertThat(tree.category().image()).isEqualTo("Images/Category/root.jpg");
			assertThat(tree.category().children().getFirst().name()).isEqualTo("Category 12");
			assertThat(tree.category().children().getFirst().image()).as("not fetched yet").isNull();
			var root = json.readValue(withImages.getLast().value(), CategoryFetched.class).category();
			assertThat(root.image()).isEqualTo("Images/Category/root.jpg");
			assertThat(root.children().getFirst().image()).isEqualTo("Images/Category/sub.png");
			assertThat(root.children().getFirst().children().getFirst().image()).isEqualTo("Images/Category/leaf.png");

			var completed = syncEvents.await(r -> isType(r, tenant, Events.SYNC_COMPLETED.name()) && ofCategories(r), WAIT);
			assertThat(completed).hasSize(1);
			var payload = json.readValue(completed.getFirst().value(), SyncCompleted.class);
			assertThat(payload.rootStIds()).containsExactly(11L, 21L);
			assertThat(payload.subcategoryCount()).isEqualTo(2);
			assertThat(payload.imagesFetched()).isEqualTo(2);
			assertThat(payload.stCalls()).isEqualTo(3);
			assertThat(payload.recordsPublishedMs()).isEqualTo(run.path("recordsPublishedMs").asLong());
			assertThat(completed.getFirst().key()).isEqualTo(tenant);
			assertThat(header(completed.getFirst(), "ce_subject")).isEqualTo(run.path("syncRunId").asString());
			// the SKU run that follows has its own events, told apart by resource
			assertThat(forTenant(syncEvents.records(), tenant).stream().filter(this::ofCategories).toList())
				.extracting(r -> header(r, "ce_type"))
				.containsExactly(Events.SYNC_STARTED.name(), Events.SYNC_COMPLETED.name());
		}
	}

	@Test
	void publishesARootWhoseFetchedImagesAreTheOnesItWentOutWithOnlyOnce() {

		var tenant = freshTenant();
		stubRootWithSubcategory(tenant, 35, "2025-11-18T09:40:00Z", 36, "2025-11-18T09:40:00Z", "Images/Category/same.png");
		sync(tenant, "full");

		// renamed in ServiceTitan: modifiedOn moves, the image stays
		stubRootWithSubcategory(tenant, 35, "2025-11-18T09:40:00Z", 36, "2025-11-19T10:00:00Z", "Images/Category/same.png");
		try (var raw = new KafkaTestConsumer(Topics.ST_RAW_CATEGORIES)) {
			var second = sync(tenant, "full");

			assertThat(second.path("imagesFetched").asInt()).isEqualTo(1);
			var published = raw.await(r -> runOf(r).equals(second.path("syncRunId").asString()), WAIT);
			assertThat(published).hasSize(1);
			assertThat(json.readValue(published.getFirst().value(), CategoryFetched.class).category().children().getFirst()
				.image()).isEqualTo("Images/Category/same.png");
		}
		// the fetch confirmed the image: a third run trusts it and asks nothing by id
		var third = sync(tenant, "full");
		assertThat(third.path("imagesFetched").asInt()).isZero();
	}

	@Test
	void reusesStoredImagesWhenNothingChangedSinceTheLastSync() {

		var tenant = freshTenant();
		stubRootWithSubcategory(tenant, 31, "2025-11-18T09:40:55Z", 32, "2025-11-18T09:40:55.7301234Z", "Images/Category/kept.png");
		sync(tenant, "full");

		try (var raw = new KafkaTestConsumer(Topics.ST_RAW_CATEGORIES)) {
			var second = sync(tenant, "full");

			assertThat(second.path("imagesFetched").asInt()).isZero();
			assertThat(second.path("stCalls").asInt()).isEqualTo(1);
			ST.verify(1, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/categories/32")));
			raw.await(r -> runOf(r).equals(second.path("syncRunId").asString()), WAIT);
			var republished = forTenant(raw.records(), tenant).getLast();
			assertThat(json.readValue(republished.value(), CategoryFetched.class).category().children().getFirst().image())
				.isEqualTo("Images/Category/kept.png");
		}
	}

	@Test
	void fetchesTheImageAgainWhenTheSubcategoryChanged() {

		var tenant = freshTenant();
		stubRootWithSubcategory(tenant, 41, "2025-11-18T09:40:00Z", 42, "2025-11-18T09:40:00Z", "Images/Category/old.png");
		sync(tenant, "full");

		stubRootWithSubcategory(tenant, 41, "2025-11-18T09:40:00Z", 42, "2025-11-19T10:00:00Z", "Images/Category/new.png");
		try (var raw = new KafkaTestConsumer(Topics.ST_RAW_CATEGORIES)) {
			var second = sync(tenant, "full");

			assertThat(second.path("imagesFetched").asInt()).isEqualTo(1);
			ST.verify(2, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/categories/42")));
			var published = raw.await(r -> runOf(r).equals(second.path("syncRunId").asString())
					&& "Images/Category/new.png".equals(subImage(r)), WAIT);
			assertThat(forTenant(raw.records(), tenant).stream().filter(r -> runOf(r).equals(second.path("syncRunId").asString())))
				.extracting(this::subImage)
				.as("the tree with the image it last went out with, then the new one")
				.containsExactly("Images/Category/old.png", "Images/Category/new.png");
			assertThat(published).hasSize(1);
		}
	}

	@Test
	void pullsIncrementallyFromTheNewestModificationMinusTheOverlap() {

		var tenant = freshTenant();
		stubList(tenant, category(51, null, null, "2025-11-18T09:40:00Z",
				category(52, 51L, "Images/Category/inline.png", "2025-11-18T10:15:30.5Z")));
		sync(tenant, "full");
		assertThat(httpGet("/api/sync/pricebook/status", tenant).body().path("cursor").asString())
			.isEqualTo("2025-11-18T10:13:30.500Z");

		var incremental = sync(tenant, "incremental");

		assertThat(incremental.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(incremental.path("syncType").asString()).isEqualTo("INCREMENTAL");
		ST.verify(1, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/categories"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2025-11-18T10:13:30.500Z")));
	}

	@Test
	void keepsTheCursorWhenAnIncrementalPullReturnsNothing() {

		var tenant = freshTenant();
		stubList(tenant, category(61, null, null, "2025-11-18T09:40:00Z"));
		sync(tenant, "full");
		stubList(tenant);

		var incremental = sync(tenant, "incremental");

		assertThat(incremental.path("rootCount").asInt()).isZero();
		assertThat(httpGet("/api/sync/pricebook/status", tenant).body().path("cursor").asString())
			.isEqualTo("2025-11-18T09:38:00Z");
	}

	@Test
	void waitsOutA429AndCountsIt() {

		var tenant = freshTenant();
		stubFirstThen(tenant, "/categories",
				status(429).withHeader("Retry-After", "1")
					.withBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 1 seconds.\"}"),
				okJson(page(false, category(71, null, null, "2025-11-18T09:40:00Z"))));

		var run = sync(tenant, "full");

		assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("rateLimited").asInt()).isEqualTo(1);
		assertThat(run.path("stCalls").asInt()).isEqualTo(2);
		var calls = ST.findAll(getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/categories")));
		assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
		// What an operator sees on /actuator/prometheus: the 429 and the call that followed it, the run, and
		// both HTTP calls under their path template (never the tenant), each series naming the service.
		var metrics = metrics();
		assertThat(metrics.find("lazi_st_requests_total", "tenant", tenant, "outcome", "rate_limited"))
			.singleElement().satisfies(series -> assertThat(series.value()).isEqualTo(1.0));
		assertThat(metrics.find("lazi_st_requests_total", "tenant", tenant, "outcome", "ok"))
			.singleElement().satisfies(series -> assertThat(series.value()).isEqualTo(1.0));
		assertThat(metrics.find("lazi_sync_runs_seconds_bucket", "application", "st-ingest-service", "resource",
				CategoryPull.RESOURCE, "type", "full", "outcome", "completed", "le", "+Inf")).isNotEmpty();
		assertThat(metrics.find("http_client_requests_seconds_bucket", "method", "GET", "uri",
				"/pricebook/v2/tenant/{tenant}/categories", "status", "429")).isNotEmpty();
		assertThat(metrics.find("http_client_requests_seconds_bucket", "method", "POST", "uri", "/connect/token",
				"status", "200")).isNotEmpty();
		assertThat(metrics.find("http_server_requests_seconds_bucket", "method", "POST", "uri",
				"/api/sync/{area}/full")).isNotEmpty();
		assertThat(metrics.values("http_client_requests_seconds_count", "uri")).noneMatch(uri -> uri.contains(tenant));
		assertThat(metrics.without("application", "st-ingest-service")).isEmpty();
	}

	@Test
	void retriesAServerError() {

		var tenant = freshTenant();
		stubFirstThen(tenant, "/categories", status(500), okJson(page(false, category(81, null, null, "2025-11-18T09:40:00Z"))));

		var run = sync(tenant, "full");

		assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("stCalls").asInt()).isEqualTo(2);
		assertThat(run.path("rootCount").asInt()).isEqualTo(1);
	}

	@Test
	void requestsOneTokenForManyCalls() {

		var tenant = freshTenant();
		var children = new ArrayList<StCategory>();
		for (long id = 101; id <= 130; id++) {
			var child = category(id, 100L, null, "2025-11-18T09:40:00Z");
			children.add(child);
			stubById(tenant, child.withImage("Images/Category/" + id + ".png"));
		}
		stubList(tenant, category(100, null, null, "2025-11-18T09:40:00Z", children.toArray(StCategory[]::new)));

		var run = sync(tenant, "full");

		assertThat(run.path("imagesFetched").asInt()).isEqualTo(30);
		assertThat(run.path("stCalls").asInt()).isEqualTo(31);
		ST.verify(1, postRequestedFor(urlPathEqualTo("/connect/token"))
			.withRequestBody(WireMock.containing("client_id=cid.t" + tenant)));
	}

	@Test
	void failsTheRunAndAnnouncesItWhenServiceTitanRejectsTheCredentials() {

		var tenant = freshTenant();
		ST.stubFor(WireMock.post("/connect/token")
			.withRequestBody(WireMock.containing("client_id=cid.t" + tenant))
			.atPriority(1)
			.willReturn(status(400).withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));

		try (var syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS)) {
			var run = sync(tenant, "full");

			assertThat(run.path("status").asString()).isEqualTo("FAILED");
			assertThat(run.path("error").asString()).contains("rejected the client credentials", "invalid_client")
				.doesNotContain("cs.t" + tenant);
			ST.verify(0, getRequestedFor(urlPathMatching("/pricebook/v2/tenant/" + tenant + "/.*")));
			var failed = syncEvents.await(r -> isType(r, tenant, Events.SYNC_FAILED.name()), WAIT);
			assertThat(failed).hasSize(1);
			assertThat(json.readValue(failed.getFirst().value(), SyncFailed.class).error())
				.isEqualTo(run.path("error").asString());
		}
	}

	@Test
	void failsAtOnceOnAClientError() {

		var tenant = freshTenant();
		ST.stubFor(api(tenant, "/categories").willReturn(status(403).withBody("{\"title\":\"Forbidden\"}")));

		var run = sync(tenant, "full");

		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("error").asString()).contains("403");
		assertThat(run.path("stCalls").asInt()).isEqualTo(1);
		var metrics = metrics();
		assertThat(metrics.find("lazi_st_requests_total", "tenant", tenant, "outcome", "client_error")).isNotEmpty();
		assertThat(metrics.find("lazi_sync_runs_seconds_count", "resource", CategoryPull.RESOURCE, "type", "full",
				"outcome", "failed")).isNotEmpty();
	}

	private static List<ConsumerRecord<String, byte[]>> forTenant(List<ConsumerRecord<String, byte[]>> records,
			String tenant) {
		return records.stream().filter(r -> tenant.equals(header(r, "ce_tenantid"))).toList();
	}

	private static boolean isType(ConsumerRecord<String, byte[]> record, String tenant, String type) {
		return tenant.equals(header(record, "ce_tenantid")) && type.equals(header(record, "ce_type"));
	}

	private boolean ofCategories(ConsumerRecord<String, byte[]> record) {
		return CategoryPull.RESOURCE.equals(json.readTree(record.value()).path("resource").asString());
	}

	/** The image of the first subcategory of a published root. */
	private @Nullable String subImage(ConsumerRecord<String, byte[]> record) {
		return json.readValue(record.value(), CategoryFetched.class).category().children().getFirst().image();
	}

	private String runOf(ConsumerRecord<String, byte[]> record) {
		return json.readTree(record.value()).path("syncRunId").asString();
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}
}
