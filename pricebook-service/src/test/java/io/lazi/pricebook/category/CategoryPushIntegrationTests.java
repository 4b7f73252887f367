package io.lazi.pricebook.category;

import static io.lazi.pricebook.category.StCategories.category;
import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import io.lazi.platform.events.CategoriesPushed;
import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.test.PrometheusScrape;
import io.lazi.pricebook.ImageServiceStandIn;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.TenantApi;

@PricebookIntegrationTest
class CategoryPushIntegrationTests extends IntegrationTestSupport {

	private static final Instant LATER = Instant.parse("2024-03-02T10:00:00Z");

	private static final UUID UPLOAD = UUID.fromString("5f0c3a52-8d7e-4a41-9d55-0b7d4a5e9c11");

	private final StIngestCommands stIngest = stIngestCommands();

	private final StIngestEvents raw = stIngestEvents();

	@Autowired
	CategoryPushIntegrationTests(PricebookTestKit kit) {
		super(kit);
	}

	@BeforeEach
	void storeTree() {
		records.store(pool("Pumps", null));
	}

	@Test
	void pushesAnOverrideAndSettlesItWhenServiceTitanAcceptsIt() {

		ImageServiceStandIn.upload(tenant, UPLOAD);
		var saved = api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"name\": \"  Pool pumps \", \"imageUploadId\": \"%s\", \"isVisibleCrm\": false}".formatted(UPLOAD));
		assertThat(saved).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"stId": 11, "name": "Pool pumps", "imageUrl": "/images/uploads/%s", "pending": true,
				 "pendingFields": ["name", "image"], "localStatus": "NONE", "isVisibleCrm": false,
				 "st": {"name": "Pumps", "imagePath": null, "position": 0, "parentStId": 1}, "pushError": null,
				 "conflictId": null}""".formatted(UPLOAD));
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().isLenientlyEqualTo("""
				{"count": 1, "items": [{"stId": 11, "name": "Pool pumps", "pendingFields": ["name", "image"]}]}""");

		var push = api.post("/api/pricebook/categories/push");
		assertThat(push).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.count").isEqualTo(1);
		var command = stIngest.awaitCommands(1).getFirst();
		assertThat(command.action()).isEqualTo(CommandAction.UPDATE_CATEGORY);
		assertThat(command.stId()).isEqualTo(11);
		assertThat(command.pushId()).hasToString(TenantApi.read(push, "$.pushId"));
		assertThat(command.write()).isNotNull();
		assertThat(command.write().name()).isEqualTo("Pool pumps");
		assertThat(command.write().imageUploadId()).isEqualTo(UPLOAD);
		assertThat(command.write().position()).isNull();
		assertThat(command.write().parentId()).isNull();

		var accepted = stCategory(11, 1L, "Pool pumps", 0, "Images/Category/pool-pumps.jpg");
		stIngest.answer(command, CommandOutcome.SUCCEEDED, 200, null, accepted);

		await().atMost(TIMEOUT)
			.until(() -> !(Boolean) api.read("/api/pricebook/categories/11", "$.pending"));
		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().isLenientlyEqualTo("""
				{"name": "Pool pumps", "imagePath": "Images/Category/pool-pumps.jpg",
				 "imageUrl": "/images/db/subcategories/11", "pendingFields": [], "isVisibleCrm": false,
				 "st": {"name": "Pool pumps", "imagePath": "Images/Category/pool-pumps.jpg"}}""");
		assertThat(stIngest.awaitPushed(1)).extracting(CategoriesPushed::count, CategoriesPushed::success,
				CategoriesPushed::failed)
			.containsExactly(tuple(1, 1, 0));

		raw.fetched(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, pool("Pool pumps", "Images/Category/pool-pumps.jpg"));
		raw.fetched(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, pool("Pool pumps", "Images/Category/pool-pumps.jpg"));
		await().atMost(TIMEOUT).until(() -> api.read("/api/pricebook/categories/11", "$.modifiedOn").equals(LATER.toString()));
		assertThat(api.get("/api/sync/pricebook/conflicts")).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(0);
	}

	@Test
	void keepsAFailedItemPendingWithItsErrorAndAnnouncesThePushOnce() {

		var before = kit.metrics();
		api.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"Pool pumps\"}");
		api.post("/api/pricebook/categories/subcategories/12/override", "{\"position\": 5}");

		assertThat(api.post("/api/pricebook/categories/push")).bodyJson().extractingPath("$.count").isEqualTo(2);
		var commands = stIngest.awaitCommands(2);
		var rename = commands.stream().filter(c -> c.stId() == 11).findFirst().orElseThrow();
		var move = commands.stream().filter(c -> c.stId() == 12).findFirst().orElseThrow();
		assertThat(move.write().position()).isEqualTo(5);
		assertThat(move.write().name()).isNull();

		var failure = stIngest.answer(move, CommandOutcome.FAILED, 400, "Position is out of range", null);
		var success = stIngest.answer(rename, CommandOutcome.SUCCEEDED, 200, null,
				stCategory(11, 1L, "Pool pumps", 0, null));

		assertThat(stIngest.awaitPushed(1)).singleElement()
			.extracting(CategoriesPushed::count, CategoriesPushed::success, CategoriesPushed::failed)
			.containsExactly(2, 1, 1);
		stIngest.answer(failure, move, CommandOutcome.FAILED, 400, "Position is out of range", null);
		stIngest.answer(success, rename, CommandOutcome.SUCCEEDED, 200, null, stCategory(11, 1L, "Pool pumps", 0, null));
		stIngest.answer(rename, CommandOutcome.FAILED, 500, "late duplicate", null);
		assertThat(stIngest.pushedAfter(Duration.ofSeconds(2))).hasSize(1);

		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().isLenientlyEqualTo("""
				{"pending": false, "pushError": null, "st": {"name": "Pool pumps"}}""");
		assertThat(api.get("/api/pricebook/categories/12")).bodyJson().isLenientlyEqualTo("""
				{"pending": true, "position": 5, "pendingFields": ["position"],
				 "pushError": {"status": 400, "message": "Position is out of range"}, "st": {"position": 1}}""");
		assertThat(api.get("/api/pricebook/categories/pushes/" + move.pushId())).bodyJson().isLenientlyEqualTo("""
				{"status": "finished", "count": 2, "success": 1, "failed": 1}""");
		// On /actuator/prometheus: one item pushed and one failed (the redelivered answers count nothing more,
		// other tests' pushes may add theirs), the push request, and the listener that applied the answers.
		var after = kit.metrics();
		assertThat(pushOutcomes(after, "pushed")).isGreaterThanOrEqualTo(pushOutcomes(before, "pushed") + 1);
		assertThat(pushOutcomes(after, "failed")).isGreaterThanOrEqualTo(pushOutcomes(before, "failed") + 1);
		assertThat(after.find("http_server_requests_seconds_bucket", "application", "pricebook-service", "method", "POST",
				"uri", "/api/pricebook/categories/push", "status", "202")).isNotEmpty();
		assertThat(after.find("spring_kafka_listener_seconds_bucket", "application", "pricebook-service",
				"spring_kafka_listener_id", "pricebook-sync-events-0")).isNotEmpty();
	}

	private static double pushOutcomes(PrometheusScrape metrics, String outcome) {
		return metrics.find("lazi_pricebook_push_outcomes_total", "outcome", outcome).getFirst().value();
	}

	@Test
	void finishesAPushWithNothingPendingAtOnce() {

		var push = api.post("/api/pricebook/categories/push");

		assertThat(push).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(stIngest.awaitPushed(1)).singleElement().extracting(CategoriesPushed::count).isEqualTo(0);
	}

	@Test
	void rejectsBadOverridesNamingTheFieldAndChangesNothing() {

		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override", "{}"), "body");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"  \"}"),
				"name");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"name\": \"%s\"}".formatted("x".repeat(256))), "name");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"name\": \"Ok\", \"imageUploadId\": \"not-a-uuid\"}"), "imageUploadId");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"position\": -1}"), "position");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"position\": 1.5}"), "position");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"isVisibleCrm\": \"yes\"}"), "isVisibleCrm");

		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().isLenientlyEqualTo("""
				{"name": "Pumps", "pending": false, "isVisibleCrm": true}""");
	}

	@Test
	void refusesAnImageUploadOfAnotherTenantOrNoneAndChangesNothing() {

		var theirs = UUID.randomUUID();
		ImageServiceStandIn.upload(StIngestEvents.newTenant(), theirs);

		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"name\": \"Ok\", \"imageUploadId\": \"%s\"}".formatted(theirs)), "imageUploadId");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"name\": \"Ok\", \"imageUploadId\": \"%s\"}".formatted(UUID.randomUUID())), "imageUploadId");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/1/subcategories",
				"{\"name\": \"New\", \"imageUploadId\": \"%s\"}".formatted(theirs)), "imageUploadId");

		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().isLenientlyEqualTo("""
				{"name": "Pumps", "pending": false, "imageUrl": null}""");
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(0);
	}

	@Test
	void answers503AndChangesNothingWhenImageServiceCannotCheckTheUpload() {

		var upload = UUID.randomUUID();
		ImageServiceStandIn.failing(upload);

		var response = api.post("/api/pricebook/categories/subcategories/11/override",
				"{\"name\": \"Ok\", \"imageUploadId\": \"%s\"}".formatted(upload));

		assertThat(response).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().extractingPath("$.name").isEqualTo("Pumps");
	}

	@Test
	void answersNotFoundForTheWrongKindOrAnotherTenant() {

		assertThat(api.post("/api/pricebook/categories/11/override", "{\"name\": \"X\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.post("/api/pricebook/categories/subcategories/1/override", "{\"name\": \"X\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		var other = kit.api(StIngestEvents.newTenant());
		assertThat(other.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"X\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(other.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().extractingPath("$.name").isEqualTo("Pumps");
	}

	@Test
	void discardsUnpushedChanges() {

		api.post("/api/pricebook/categories/1/override", "{\"name\": \"Pools\", \"position\": 3}");

		assertThat(api.delete("/api/pricebook/categories/1/override")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"stId": 1, "name": "Pool", "position": 0, "pending": false, "pendingFields": []}""");
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(0);
	}

	static StCategory pool(String pumpsName, String pumpsImage) {
		return root(1, "Pool", 0, stCategory(11, 1L, pumpsName, 0, pumpsImage), sub(12, 1, "Filters", 1));
	}

	static StCategory stCategory(long id, Long parentId, String name, int position, String image,
			StCategory... children) {

		var category = category(id, parentId, name, position, true, image, children);
		var modified = image == null && "Pumps".equals(name) ? category.modifiedOn() : LATER;
		return new StCategory(category.id(), name, true, category.description(), image, parentId, position,
				category.categoryType(), List.of(children), category.businessUnitIds(), List.of(), List.of(), null, null,
				false, category.createdOn(), modified);
	}
}
