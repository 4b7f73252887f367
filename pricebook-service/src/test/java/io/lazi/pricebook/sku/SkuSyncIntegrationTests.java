package io.lazi.pricebook.sku;

import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.sku.StSkus.equipment;
import static io.lazi.pricebook.sku.StSkus.material;
import static io.lazi.pricebook.sku.StSkus.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.lazi.platform.events.StService;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.category.StIngestEvents;

@PricebookIntegrationTest
class SkuSyncIntegrationTests extends IntegrationTestSupport {

	private final SkuEvents stIngest = skuEvents();

	private final SkuSync sync = kit.skus();

	@Autowired
	SkuSyncIntegrationTests(PricebookTestKit kit) {
		super(kit);
	}

	@Test
	void storesServicesMaterialsAndEquipmentFromTheRawTopics() {

		records.store(root(1, "Pool", 0));
		stIngest.fetched(tenant, service(501, "SVC-1", "Pump repair", 1, 999));
		stIngest.fetched(tenant, material(601, "MAT-1", "Chlorine tabs", 1));
		stIngest.fetched(tenant, equipment(701, "EQ-1", "Variable speed pump"));

		assertThat(awaitFound("/api/pricebook/services/501")).bodyJson().isLenientlyEqualTo("""
				{"stId": 501, "code": "SVC-1", "displayName": "Pump repair", "description": "<p>About Pump repair</p>",
				 "price": 100.00, "memberPrice": 90.00, "addOnPrice": 80.00, "cost": 40.00, "active": true,
				 "categories": [{"stId": 1, "name": "Pool"}, {"stId": 999, "name": null}], "businessUnitId": 7001,
				 "hours": 1.5, "taxable": true, "createdOn": "2024-03-01T08:15:30.123457Z",
				 "modifiedOn": "2025-06-01T10:00:00Z"}""");
		assertThat(awaitFound("/api/pricebook/materials/601")).bodyJson().isLenientlyEqualTo("""
				{"stId": 601, "code": "MAT-1", "price": 12.50, "cost": 5.25, "unitOfMeasure": "Each",
				 "isInventory": true, "categories": [{"stId": 1, "name": "Pool"}]}""");
		var equipment = awaitFound("/api/pricebook/equipment/701");
		assertThat(equipment).bodyJson().isLenientlyEqualTo("""
				{"stId": 701, "code": "EQ-1", "manufacturer": "Pentair", "model": "IntelliFlo VSF", "categories": []}""");
		assertThat(equipment).bodyJson().doesNotHavePath("$.hours").doesNotHavePath("$.unitOfMeasure");
		assertThat(api.get("/api/pricebook/services/601")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void replacesASkuWithTheNewerVersionServiceTitanSends() {

		stIngest.fetched(tenant, service(502, "SVC-2", "Filter clean"));
		awaitFound("/api/pricebook/services/502");
		stIngest.fetched(tenant, service(502, "SVC-2", "Filter deep clean", false, StSkus.MODIFIED.plusSeconds(60)));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(api.get("/api/pricebook/services/502")).bodyJson()
			.isLenientlyEqualTo("""
					{"displayName": "Filter deep clean", "active": false, "modifiedOn": "2025-06-01T10:01:00Z"}"""));
	}

	@Test
	void keepsTheNewerSkuWhenAnOlderVersionArrivesLate() {

		records.storeSku(UUID.randomUUID().toString(), service(503, "SVC-3", "Newer", true, StSkus.MODIFIED));
		records.storeSku(UUID.randomUUID().toString(), service(503, "SVC-3-OLD", "Older", true, StSkus.MODIFIED.minusSeconds(1)));

		assertThat(api.get("/api/pricebook/services/503")).bodyJson()
			.isLenientlyEqualTo("""
					{"code": "SVC-3", "displayName": "Newer", "modifiedOn": "2025-06-01T10:00:00Z"}""");
	}

	@Test
	void changesNothingForARedeliveredEvent() {

		var eventId = UUID.randomUUID().toString();
		records.storeSku(eventId, service(504, "SVC-4", "First"));
		records.storeSku(eventId, service(504, "SVC-4", "Changed", false, StSkus.MODIFIED.plusSeconds(60)));

		assertThat(api.get("/api/pricebook/services/504")).bodyJson()
			.isLenientlyEqualTo("""
					{"displayName": "First", "active": true, "modifiedOn": "2025-06-01T10:00:00Z"}""");
	}

	@Test
	void rejectsARecordForAnotherTenantThanItsEvent() {

		var event = SkuEvents.received(UUID.randomUUID().toString(), StIngestEvents.newTenant(),
				SkuEvents.payload(tenant, service(505, "SVC-5", "Elsewhere")));

		assertThatIllegalArgumentException().isThrownBy(() -> sync.apply(event));
		assertThat(api.get("/api/pricebook/services/505")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void sendsAnUnstorableSkuToTheDeadLetterTopicAndGoesOn() {

		try (var deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.ST_RAW_SERVICES))) {
			var noCode = stIngest.fetched(tenant, new StService(506, null, "No code", null, List.of(), null, null, null,
					null, null, false, true, null, null, null, StSkus.MODIFIED));
			stIngest.fetched(tenant, service(506, "SVC-6", "Valid"));

			assertThat(awaitFound("/api/pricebook/services/506")).bodyJson()
				.extractingPath("$.code")
				.isEqualTo("SVC-6");
			assertThat(deadLetters.await(r -> ceId(r).equals(noCode.toString()), TIMEOUT)).isNotEmpty();
		}
	}

	private static String ceId(ConsumerRecord<String, byte[]> record) {
		return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
	}

	private MvcTestResult awaitFound(String uri) {
		return await().atMost(TIMEOUT).until(() -> api.get(uri), result -> result.getResponse().getStatus() == 200);
	}

}
