package io.lazi.pricebook.category;

import static io.lazi.pricebook.category.CategoryPushIntegrationTests.stCategory;
import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.TenantApi;
import io.lazi.pricebook.category.PricebookChanges.Change;

@PricebookIntegrationTest
class CategoryConflictIntegrationTests extends IntegrationTestSupport {

	private final StIngestEvents raw = stIngestEvents();

	private final StIngestCommands stIngest = stIngestCommands();

	private final PricebookChanges changes = pricebookChanges();

	@Autowired
	CategoryConflictIntegrationTests(PricebookTestKit kit) {
		super(kit);
	}

	/** Items pushes left out for an open conflict so far, on {@code /actuator/prometheus}. */
	private double conflictOutcomes() {
		return kit.metrics().find("lazi_pricebook_push_outcomes_total", "outcome", "conflict").getFirst().value();
	}

	@BeforeEach
	void storeTree() {
		records.store(pool(sub(11, 1, "Pumps", 0), sub(12, 1, "Filters", 1)));
	}

	@Test
	void flagsBothModifiedAndKeepsTheLocalValueUntilResolved() {

		api.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"Pool pumps\"}");
		records.store(pool(stCategory(11, 1L, "Pumps and motors", 0, null), sub(12, 1, "Filters", 1)));

		var conflictId = awaitConflictOf(11);
		assertThat(api.get("/api/sync/pricebook/conflicts")).bodyJson().isLenientlyEqualTo("""
				{"count": 1, "items": [{"id": "%s", "stId": 11, "type": "both_modified", "status": "open",
				  "local": {"name": "Pool pumps"}, "st": {"name": "Pumps and motors"}}]}""".formatted(conflictId));
		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().isLenientlyEqualTo("""
				{"name": "Pool pumps", "pending": true, "st": {"name": "Pumps and motors"}, "conflictId": "%s"}"""
			.formatted(conflictId));
		assertThat(changes.awaitChanges(1)).extracting(Change::type).contains(Events.PRICEBOOK_CATEGORY_CONFLICT.name());
		var conflictsBefore = conflictOutcomes();
		assertThat(api.post("/api/pricebook/categories/push")).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(conflictOutcomes()).isGreaterThanOrEqualTo(conflictsBefore + 1);

		records.store(pool(stCategory(11, 1L, "Motors", 0, null), sub(12, 1, "Filters", 1)));
		assertThat(api.get("/api/sync/pricebook/conflicts?status=all")).bodyJson().isLenientlyEqualTo("""
				{"count": 1, "items": [{"id": "%s", "st": {"name": "Motors"}}]}""".formatted(conflictId));

		var resolved = api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"keep_st\"}");
		assertThat(resolved).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"conflict": {"status": "resolved", "strategy": "keep_st"},
				 "item": {"stId": 11, "name": "Motors", "pending": false, "conflictId": null}}""");
		assertThat(api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"keep_st\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(api.get("/api/sync/pricebook/conflicts")).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(api.get("/api/sync/pricebook/conflicts?status=resolved")).bodyJson()
			.extractingPath("$.count")
			.isEqualTo(1);
	}

	@Test
	void keepsTheLocalValueAndPushesItOverServiceTitan() {

		api.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"Pool pumps\"}");
		records.store(pool(stCategory(11, 1L, "Pumps and motors", 0, null), sub(12, 1, "Filters", 1)));
		var conflictId = awaitConflictOf(11);

		assertThat(api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"manual\"}"))
			.bodyJson()
			.isLenientlyEqualTo("{\"conflict\": {\"status\": \"manual\"}, \"item\": {\"conflictId\": \"%s\"}}"
				.formatted(conflictId));
		assertThat(api.get("/api/sync/pricebook/conflicts")).bodyJson().extractingPath("$.count").isEqualTo(1);
		assertThat(api.post("/api/pricebook/categories/push")).bodyJson().extractingPath("$.count").isEqualTo(0);

		assertThat(api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"keep_local\"}"))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"conflict": {"status": "resolved", "strategy": "keep_local"},
					 "item": {"name": "Pool pumps", "pending": true, "conflictId": null}}""");
		assertThat(api.post("/api/pricebook/categories/push")).bodyJson().extractingPath("$.count").isEqualTo(1);
		assertThat(stIngest.awaitCommands(1).getFirst().write().name()).isEqualTo("Pool pumps");

		records.store(pool(stCategory(11, 1L, "Pumps and motors", 0, null), sub(12, 1, "Filters", 1)));
		assertThat(api.get("/api/sync/pricebook/conflicts")).bodyJson().extractingPath("$.count").isEqualTo(0);
	}

	@Test
	void settlesWithoutConflictWhenServiceTitanAlreadyHoldsTheLocalValues() {

		api.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"Pool pumps\", \"position\": 4}");
		records.store(pool(stCategory(11, 1L, "Pool pumps", 4, null), sub(12, 1, "Filters", 1)));

		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().isLenientlyEqualTo("""
				{"name": "Pool pumps", "position": 4, "pending": false, "conflictId": null}""");
		assertThat(api.get("/api/sync/pricebook/conflicts?status=all")).bodyJson().extractingPath("$.count").isEqualTo(0);
	}

	@Test
	void flagsALocalDeleteOfAnItemServiceTitanChanged() {

		api.delete("/api/pricebook/categories/subcategories/12");
		records.store(pool(sub(11, 1, "Pumps", 0), stCategory(12, 1L, "Filters and nets", 1, null)));

		var conflictId = awaitConflictOf(12);
		assertThat(api.get("/api/sync/pricebook/conflicts/" + conflictId)).bodyJson().isLenientlyEqualTo("""
				{"type": "local_deleted_st_modified", "local": {"localStatus": "DELETED", "name": null},
				 "st": {"name": "Filters and nets"}}""");

		assertThat(api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"keep_st\"}"))
			.bodyJson()
			.isLenientlyEqualTo("""
					{"item": {"stId": 12, "name": "Filters and nets", "localStatus": "NONE", "pending": false}}""");
	}

	@Test
	void flagsALocalChangeOfAnItemServiceTitanDeletedAndRecreatesItWhenKept() {

		api.post("/api/pricebook/categories/subcategories/12/override", "{\"name\": \"Nets\"}");
		records.store(pool(sub(11, 1, "Pumps", 0)));

		var conflictId = awaitConflictOf(12);
		assertThat(api.get("/api/sync/pricebook/conflicts/" + conflictId)).bodyJson().isLenientlyEqualTo("""
				{"type": "st_deleted_local_modified", "st": null, "local": {"name": "Nets"}}""");
		assertThat(api.get("/api/pricebook/categories/12")).bodyJson().isLenientlyEqualTo("""
				{"active": true, "name": "Nets", "pending": true}""");

		assertThat(api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"keep_local\"}"))
			.bodyJson()
			.isLenientlyEqualTo("{\"item\": {\"localStatus\": \"CREATED\", \"pending\": true}}");
		api.post("/api/pricebook/categories/push");
		var create = stIngest.awaitCommands(1).getFirst();
		assertThat(create.action()).isEqualTo(CommandAction.CREATE_CATEGORY);
		assertThat(create.write()).extracting(w -> w.name(), w -> w.parentId()).containsExactly("Nets", 1L);

		stIngest.answer(create, CommandOutcome.SUCCEEDED, 200, null, stCategory(7012, 1L, "Nets", 1, null));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(api.get("/api/pricebook/categories/7012")).bodyJson().isLenientlyEqualTo("""
					{"name": "Nets", "pending": false, "path": "1.7012"}"""));
	}

	@Test
	void deactivatesAnItemServiceTitanDeletedWhenServiceTitanIsKept() {

		api.post("/api/pricebook/categories/subcategories/12/override", "{\"name\": \"Nets\"}");
		raw.fetched(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, pool(sub(11, 1, "Pumps", 0)));
		var conflictId = awaitConflictOf(12);

		assertThat(api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"keep_st\"}"))
			.bodyJson()
			.isLenientlyEqualTo("{\"item\": {\"name\": \"Filters\", \"active\": false, \"pending\": false}}");
	}

	@Test
	void flagsALocallyChangedRootAFullRunNoLongerSees() {

		records.store(root(2, "Spa", 1));
		api.post("/api/pricebook/categories/2/override", "{\"name\": \"Spas\"}");
		var run = UUID.randomUUID();
		raw.fetched(tenant, run, SyncType.FULL, pool(sub(11, 1, "Pumps", 0), sub(12, 1, "Filters", 1)));
		raw.completed(tenant, run, SyncType.FULL, 1, List.of(1L));

		var conflictId = awaitConflictOf(2);
		assertThat(api.get("/api/sync/pricebook/conflicts/" + conflictId)).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("st_deleted_local_modified");
		assertThat(api.get("/api/pricebook/categories/2")).bodyJson().isLenientlyEqualTo("""
				{"name": "Spas", "active": true, "pending": true}""");
	}

	@Test
	void rejectsAnUnknownStrategyAndHidesOtherTenantsConflicts() {

		api.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"Pool pumps\"}");
		records.store(pool(stCategory(11, 1L, "Pumps and motors", 0, null), sub(12, 1, "Filters", 1)));
		var conflictId = awaitConflictOf(11);

		TenantApi.assertBadRequest(
				api.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"merge\"}"), "strategy");
		TenantApi.assertBadRequest(api.get("/api/sync/pricebook/conflicts?status=closed"), "status");
		var other = kit.api(StIngestEvents.newTenant());
		assertThat(other.get("/api/sync/pricebook/conflicts/" + conflictId)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(other.post("/api/sync/pricebook/resolve-conflict/" + conflictId, "{\"strategy\": \"keep_st\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/sync/pricebook/conflicts/" + conflictId)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("open");
	}

	@Test
	void detectsConflictsOnAPulledCategory() {

		api.post("/api/pricebook/categories/subcategories/11/override", "{\"name\": \"Pool pumps\"}");
		var pull = api.post("/api/pricebook/categories/11/pull");
		assertThat(pull).hasStatus(HttpStatus.ACCEPTED);
		var command = stIngest.awaitCommands(1).getFirst();
		assertThat(command).extracting(c -> c.action(), c -> c.stId()).containsExactly(CommandAction.PULL_CATEGORY, 11L);
		assertThat(command.commandId()).hasToString(TenantApi.read(pull, "$.commandId"));

		stIngest.answer(command, CommandOutcome.SUCCEEDED, 200, null, stCategory(11, 1L, "Pumps and motors", 0, null));
		var conflictId = awaitConflictOf(11);
		assertThat(api.get("/api/sync/pricebook/conflicts/" + conflictId)).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("both_modified");

		api.post("/api/pricebook/categories/12/pull");
		var pull12 = stIngest.awaitCommands(2).getLast();
		stIngest.answer(pull12, CommandOutcome.NOT_FOUND, 404, "Not found", null);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(api.get("/api/pricebook/categories/12")).bodyJson()
				.extractingPath("$.active")
				.isEqualTo(false));
	}

	private String awaitConflictOf(long stId) {

		await().atMost(TIMEOUT)
			.until(() -> api.read("/api/pricebook/categories/" + stId, "$.conflictId") != null);
		return api.read("/api/pricebook/categories/" + stId, "$.conflictId");
	}

	private static StCategory pool(StCategory... children) {
		return root(1, "Pool", 0, children);
	}
}
