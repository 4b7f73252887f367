package io.lazi.stingest.pricebook.sku;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.StService;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.stingest.IntegrationTestSupport;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

class SkuSyncIntegrationTests extends IntegrationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void publishesServicesMaterialsAndEquipmentInTheirOwnRunAfterTheCategoriesRun() {

		var tenant = freshTenant();
		stubList(tenant, category(801, null, null, "2025-11-18T09:40:00Z"));
		stubSkus(tenant, "/services", service(11, "2025-11-20T08:00:00Z", true), service(12, "2025-11-19T08:00:00Z", false));
		stubSkus(tenant, "/materials", material(21, "2025-11-18T08:00:00Z"));
		stubSkus(tenant, "/equipment");

		try (var services = new KafkaTestConsumer(Topics.ST_RAW_SERVICES);
				var materials = new KafkaTestConsumer(Topics.ST_RAW_MATERIALS);
				var syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS)) {
			var categories = sync(tenant, "full");
			var skus = awaitSkuRun(tenant);

			assertThat(categories.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(categories.path("rootCount").asInt()).isEqualTo(1);
			assertThat(categories.path("stCalls").asInt()).isEqualTo(1);
			assertThat(skus.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(skus.path("syncType").asString()).isEqualTo("FULL");
			assertThat(skus.path("rootCount").asInt()).isEqualTo(3);
			assertThat(skus.path("stCalls").asInt()).isEqualTo(3);
			assertThat(Instant.parse(skus.path("startedAt").asString()))
				.isAfterOrEqualTo(Instant.parse(categories.path("finishedAt").asString()));

			var inactive = services.await(r -> r.key().equals(tenant + ":12"), WAIT).getFirst();
			assertThat(header(inactive, "ce_type")).isEqualTo(Events.SERVICE_FETCHED.name());
			assertThat(header(inactive, "ce_tenantid")).isEqualTo(tenant);
			StRecordFetched<StService> fetched = json.readValue(inactive.value(), new TypeReference<>() {
			});
			assertThat(fetched.record().active()).isFalse();
			assertThat(fetched.record().categories()).extracting(StService.Category::id).containsExactly(801L);
			assertThat(fetched.syncType()).isEqualTo(SyncType.FULL);
			assertThat(fetched.syncRunId().toString()).isEqualTo(skus.path("syncRunId").asString());
			var material = materials.await(r -> r.key().equals(tenant + ":21"), WAIT).getFirst();
			assertThat(header(material, "ce_type")).isEqualTo(Events.MATERIAL_FETCHED.name());
			StRecordFetched<StMaterial> fetchedMaterial = json.readValue(material.value(), new TypeReference<>() {
			});
			assertThat(fetchedMaterial.record().categories()).containsExactly(801L);

			var completed = syncEvents.await(r -> tenant.equals(header(r, "ce_tenantid"))
					&& Events.SYNC_COMPLETED.name().equals(header(r, "ce_type")) && json.readTree(r.value()).path("resource")
						.asString().equals(SkuPull.RESOURCE), WAIT);
			var payload = json.readValue(completed.getFirst().value(), SyncCompleted.class);
			assertThat(payload.rootCount()).isEqualTo(3);
			assertThat(payload.rootStIds()).isEmpty();
			assertThat(syncEvents.records()).filteredOn(r -> tenant.equals(header(r, "ce_tenantid")))
				.extracting(r -> json.readTree(r.value()).path("resource").asString() + " " + header(r, "ce_type"))
				.contains("pricebook.categories " + Events.SYNC_COMPLETED.name(), "pricebook.skus " + Events.SYNC_STARTED.name());
		}
		ST.verify(getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/services"))
			.withQueryParam("pageSize", equalTo("1000"))
			.withQueryParam("active", equalTo("Any"))
			.withQueryParam("modifiedOnOrAfter", absent()));
	}

	@Test
	void pullsEachListIncrementallyFromItsOwnCursorOnDemand() {

		var tenant = freshTenant();
		stubSkus(tenant, "/services", service(31, "2025-11-20T08:00:00Z", true));
		stubSkus(tenant, "/materials", material(41, "2025-11-18T08:00:00Z"));
		stubSkus(tenant, "/equipment");
		startSkus(tenant, "full");
		awaitSkuRun(tenant);

		var started = startSkus(tenant, "incremental");
		var run = awaitSkuRun(tenant);

		assertThat(run.path("syncRunId").asString()).isEqualTo(started.path("syncRunId").asString());
		assertThat(run.path("syncType").asString()).isEqualTo("INCREMENTAL");
		assertThat(httpGet("/api/sync/pricebook/skus/status", tenant).body().path("cursor").asString())
			.isEqualTo("2025-11-20T07:58:00Z");
		ST.verify(1, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/services"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2025-11-20T07:58:00Z")));
		ST.verify(1, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/materials"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2025-11-18T07:58:00Z")));
		ST.verify(2, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/equipment"))
			.withQueryParam("modifiedOnOrAfter", absent()));
		assertThat(httpGet("/api/sync/pricebook/skus/runs/" + run.path("syncRunId").asString(), freshTenant()).status())
			.isEqualTo(404);
	}

	private JsonNode startSkus(String tenant, String type) {

		var started = httpPost("/api/sync/pricebook/skus/" + type, tenant);
		assertThat(started.status()).isEqualTo(202);
		return started.body();
	}

	/** Waits until the tenant's latest SKU run ended; returns it. */
	private JsonNode awaitSkuRun(String tenant) {

		var ended = new JsonNode[1];
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
			var status = httpGet("/api/sync/pricebook/skus/status", tenant).body();
			ended[0] = status.path("lastRun");
			return status.path("running").isNull() && !ended[0].isMissingNode() && !ended[0].isNull();
		});
		return ended[0];
	}

	private void stubSkus(String tenant, String path, String... records) {
		ST.stubFor(api(tenant, path).willReturn(okJson("{\"page\":1,\"pageSize\":1000,\"hasMore\":false,\"totalCount\":"
				+ records.length + ",\"data\":[" + String.join(",", records) + "]}")));
	}

	private static String service(long id, String modifiedOn, boolean active) {
		return """
				{"id":%d,"code":"SVC-%d","displayName":"Service %d","description":"<p>x</p>",
				 "categories":[{"id":801,"name":"Category 801","active":true}],"price":120.5,"memberPrice":110,
				 "addOnPrice":100,"cost":40,"hours":1.5,"taxable":true,"active":%s,"businessUnitId":5001,
				 "createdOn":"2024-01-01T00:00:00Z","modifiedOn":"%s"}""".formatted(id, id, id, active, modifiedOn);
	}

	private static String material(long id, String modifiedOn) {
		return """
				{"id":%d,"code":"MAT-%d","displayName":"Material %d","description":"",
				 "categories":[801],"price":12,"memberPrice":11,"addOnPrice":10,"cost":4,"unitOfMeasure":"ea",
				 "isInventory":false,"active":true,"createdOn":"2024-01-01T00:00:00Z","modifiedOn":"%s"}"""
			.formatted(id, id, id, modifiedOn);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}
}
