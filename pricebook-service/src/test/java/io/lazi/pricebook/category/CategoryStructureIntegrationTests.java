package io.lazi.pricebook.category;

import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import io.lazi.platform.events.CategoriesPushed;
import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCommand;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.TenantApi;

@PricebookIntegrationTest
class CategoryStructureIntegrationTests extends IntegrationTestSupport {

	private final StIngestCommands stIngest = stIngestCommands();

	private final PricebookChanges changes = pricebookChanges();

	@Autowired
	CategoryStructureIntegrationTests(PricebookTestKit kit) {
		super(kit);
	}

	@BeforeEach
	void storeTree() {

		records.store(root(1, "Pool", 0, sub(11, 1, "Equipment", 0, sub(111, 11, "Filters", 0, sub(1111, 111, "Cartridges", 0))),
				sub(12, 1, "Service", 1, sub(121, 12, "Cleaning", 0), sub(122, 12, "Repair", 1))));
		records.store(root(2, "Spa", 1, sub(21, 2, "Covers", 0)));
	}

	@Test
	void movesASubtreeAcrossParentsKeepingEveryPathAndDepthRight() {

		var moved = api.post("/api/pricebook/categories/subcategories/11/reorder", "{\"position\": 1, \"parentStId\": 121}");

		assertThat(moved).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"stId": 11, "parentStId": 121, "depth": 3, "path": "1.12.121.11", "position": 0, "pending": true,
				 "st": {"parentStId": 1}}""");
		assertThat(TenantApi.<List<String>>read(moved, "$.pendingFields")).contains("parent");
		assertConsistent(1);
		assertThat(changes.awaitChanges(9 + 3))
			.filteredOn(c -> !Events.PRICEBOOK_CATEGORY_CREATED.name().equals(c.type()))
			.extracting(c -> c.type(), c -> c.payload().stId(), c -> c.payload().path())
			.containsExactlyInAnyOrder(tuple(Events.PRICEBOOK_CATEGORY_MOVED.name(), 11L, "1.12.121.11"),
					tuple(Events.PRICEBOOK_CATEGORY_UPDATED.name(), 111L, "1.12.121.11.111"),
					tuple(Events.PRICEBOOK_CATEGORY_UPDATED.name(), 1111L, "1.12.121.11.111.1111"));
		assertThat(api.get("/api/pricebook/categories/1111")).bodyJson().isLenientlyEqualTo("""
				{"depth": 5, "path": "1.12.121.11.111.1111", "rootStId": 1, "pending": false}""");
		assertThat(api.get("/api/pricebook/categories/12")).bodyJson().isLenientlyEqualTo("""
				{"position": 1, "pending": false}""");

		api.post("/api/pricebook/categories/subcategories/111/reorder", "{\"position\": 0, \"parentStId\": 2}");
		assertThat(api.get("/api/pricebook/categories/1111")).bodyJson().isLenientlyEqualTo("""
				{"depth": 2, "path": "2.111.1111", "rootStId": 2}""");
		assertThat(TenantApi.<List<Integer>>read(api.get("/api/pricebook/categories/2/subcategories/tree"),
				"$.children[*].stId")).containsExactly(111, 21);
		assertConsistent(1);
		assertConsistent(2);
	}

	@Test // issue 15: paths a sync rebuilt under a locally moved node were not announced
	void announcesTheRebuiltPathOfANodeASyncPlacesUnderALocallyMovedOne() {

		api.post("/api/pricebook/categories/subcategories/11/reorder", "{\"position\": 0, \"parentStId\": 121}");
		var before = changes.awaitChanges(9 + 3).size();

		// ServiceTitan adds a subcategory under 11, which sits under 121 here.
		records.store(root(1, "Pool", 0, sub(11, 1, "Equipment", 0, sub(111, 11, "Filters", 0, sub(1111, 111, "Cartridges", 0)),
				sub(113, 11, "Heaters", 1)), sub(12, 1, "Service", 1, sub(121, 12, "Cleaning", 0), sub(122, 12, "Repair", 1))));

		assertThat(api.get("/api/pricebook/categories/113")).bodyJson().isLenientlyEqualTo("""
				{"path": "1.12.121.11.113", "depth": 4}""");
		var told = changes.changesAfter(Duration.ofSeconds(1)).stream().skip(before)
			.filter(c -> c.payload() != null && c.payload().stId() == 113L)
			.toList();
		assertThat(told).as("what browsers and other services were told about 113").isNotEmpty();
		assertThat(told.getLast().payload()).extracting(p -> p.path(), p -> p.depth())
			.containsExactly("1.12.121.11.113", 4);
	}

	@Test // issue 15: a subcategory pull did not notice descendants missing from ServiceTitan's answer
	void deactivatesAndAnnouncesTheDescendantsASubcategoryPullNoLongerFinds() {

		var before = changes.awaitChanges(9).size();
		assertThat(api.post("/api/pricebook/categories/12/pull")).hasStatus(HttpStatus.ACCEPTED);
		var pull = stIngest.awaitCommands(1).getFirst();
		assertThat(pull.action()).isEqualTo(CommandAction.PULL_CATEGORY);

		// ServiceTitan deleted 122.
		stIngest.answer(pull, CommandOutcome.SUCCEEDED, 200, null, sub(12, 1, "Service", 1, sub(121, 12, "Cleaning", 0)));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(api.get("/api/pricebook/categories/122")).bodyJson()
			.extractingPath("$.active")
			.isEqualTo(false));
		assertThat(api.get("/api/pricebook/categories/121")).bodyJson().extractingPath("$.active").isEqualTo(true);
		changes.awaitChanges(before + 1);
		assertThat(changes.changesAfter(Duration.ofMillis(500)).stream().skip(before).toList())
			.extracting(c -> c.type(), c -> c.payload().stId())
			.containsExactly(tuple(Events.PRICEBOOK_CATEGORY_DEACTIVATED.name(), 122L));
	}

	@Test // issue 15: conflicts on items that no longer exist stayed open forever
	void closesTheConflictOfAnItemRemovedWithItsDeletedParent() {

		api.delete("/api/pricebook/categories/subcategories/1111");
		// ServiceTitan renames the item deleted here: a conflict, and the item stays out of pushes.
		records.store(root(1, "Pool", 0, sub(11, 1, "Equipment", 0, sub(111, 11, "Filters", 0,
				CategoryPushIntegrationTests.stCategory(1111, 111L, "Cartridges and bags", 0, null))),
				sub(12, 1, "Service", 1, sub(121, 12, "Cleaning", 0), sub(122, 12, "Repair", 1))));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(api.get("/api/sync/pricebook/conflicts")).bodyJson()
			.extractingPath("$.count")
			.isEqualTo(1));
		var conflictId = TenantApi.<String>read(api.get("/api/sync/pricebook/conflicts"), "$.items[0].id");
		assertThat(api.delete("/api/pricebook/categories/subcategories/111")).hasStatusOk();

		api.post("/api/pricebook/categories/push");
		var delete = stIngest.awaitCommands(1).getFirst();
		assertThat(delete).extracting(StCommand::action, StCommand::stId).containsExactly(CommandAction.DELETE_CATEGORY, 111L);
		stIngest.answer(delete, CommandOutcome.SUCCEEDED, 200, null, null);

		await().atMost(TIMEOUT).untilAsserted(
				() -> assertThat(api.get("/api/pricebook/categories/1111")).hasStatus(HttpStatus.NOT_FOUND));
		assertThat(api.get("/api/sync/pricebook/conflicts")).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(api.get("/api/sync/pricebook/conflicts/" + conflictId)).bodyJson().isLenientlyEqualTo("""
				{"status": "resolved", "strategy": "gone"}""");
	}

	@Test
	void renumbersSiblingsWhenReordering() {

		assertThat(api.post("/api/pricebook/categories/subcategories/122/reorder", "{\"position\": 0}")).hasStatusOk();

		assertThat(TenantApi.<List<Integer>>read(api.get("/api/pricebook/categories/12/subcategories/tree"),
				"$.children[*].position")).containsExactly(0, 1);
		assertThat(TenantApi.<List<Integer>>read(api.get("/api/pricebook/categories/12/subcategories/tree"),
				"$.children[*].stId")).containsExactly(122, 121);
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(2);
	}

	@Test
	void aReorderToTheIndexAnItemAlreadyHasChangesNothing() {

		// ServiceTitan numbers positions its own way (from 1, with gaps): the items sit at indexes 2 and 1.
		records.store(root(3, "Hot tubs", 5, sub(31, 3, "Jets", 1), sub(32, 3, "Pumps", 2), sub(33, 3, "Lids", 4)));
		var created = changes.awaitChanges(9 + 4).size();

		assertThat(api.post("/api/pricebook/categories/3/reorder", "{\"position\": 2}")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"stId\": 3, \"position\": 5, \"pending\": false}");
		assertThat(api.post("/api/pricebook/categories/subcategories/32/reorder", "{\"position\": 1}")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"stId\": 32, \"position\": 2, \"pending\": false}");
		assertThat(api.post("/api/pricebook/categories/subcategories/33/reorder", "{\"position\": 7, \"parentStId\": 3}"))
			.hasStatusOk();

		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(changes.changesAfter(Duration.ofSeconds(1))).hasSize(created);
	}

	@Test // issue 15: a renumbered sibling ServiceTitan had deleted stayed pending on a 404, offering to recreate it
	void settlesThePositionOfARenumberedSiblingServiceTitanNoLongerHas() {

		records.store(root(3, "Hot tubs", 5, sub(31, 3, "Jets", 0), sub(33, 3, "Lids", 1), sub(32, 3, "Pumps", 2)));
		records.store(root(3, "Hot tubs", 5, sub(31, 3, "Jets", 0), sub(32, 3, "Pumps", 2)));
		assertThat(api.get("/api/pricebook/categories/33")).bodyJson().isLenientlyEqualTo("{\"active\": false}");
		api.post("/api/pricebook/categories/subcategories/32/reorder", "{\"position\": 0}");
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(3);

		api.post("/api/pricebook/categories/push");
		var commands = stIngest.awaitCommands(3);
		stIngest.answer(byStId(commands, 33), CommandOutcome.NOT_FOUND, 404, "Not found", null);
		stIngest.answer(byStId(commands, 31), CommandOutcome.SUCCEEDED, 200, null, null);
		stIngest.answer(byStId(commands, 32), CommandOutcome.SUCCEEDED, 200, null, null);

		assertThat(stIngest.awaitPushed(1)).singleElement().extracting(CategoriesPushed::success).isEqualTo(2);
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(0);
		assertThat(api.get("/api/pricebook/categories/errors")).bodyJson().isLenientlyEqualTo("[]");
		assertThat(api.get("/api/pricebook/categories/33")).bodyJson()
			.isLenientlyEqualTo("{\"position\": 1, \"pending\": false, \"pushError\": null}");
	}

	@Test
	void refusesAMoveUnderItselfOrTooDeep() {

		assertThat(api.post("/api/pricebook/categories/subcategories/11/reorder", "{\"position\": 0, \"parentStId\": 1111}"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://lazi.io/problems/conflict");
		assertThat(api.post("/api/pricebook/categories/subcategories/11/reorder", "{\"position\": 0, \"parentStId\": 11}"))
			.hasStatus(HttpStatus.CONFLICT);

		records.store(root(3, "Deep", 2, sub(31, 3, "d1", 0, sub(32, 31, "d2", 0, sub(33, 32, "d3", 0, sub(34, 33, "d4", 0,
				sub(35, 34, "d5", 0, sub(36, 35, "d6", 0))))))));
		TenantApi.assertBadRequest(
				api.post("/api/pricebook/categories/subcategories/11/reorder", "{\"position\": 0, \"parentStId\": 36}"),
				"parentStId");
		TenantApi.assertBadRequest(
				api.post("/api/pricebook/categories/subcategories/11/reorder", "{\"position\": 0, \"parentStId\": 999}"),
				"parentStId");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/reorder", "{}"), "position");
		TenantApi.assertBadRequest(api.post("/api/pricebook/categories/subcategories/11/reorder", "{\"position\": -2}"),
				"position");
		assertThat(api.post("/api/pricebook/categories/subcategories/1111/reorder", "{\"position\": 0, \"parentStId\": 35}"))
			.hasStatusOk();
		assertThat(api.get("/api/pricebook/categories/1111")).bodyJson().extractingPath("$.depth").isEqualTo(6);
		assertThat(api.get("/api/pricebook/categories/11")).bodyJson().isLenientlyEqualTo("""
				{"parentStId": 1, "path": "1.11", "pending": false}""");
	}

	@Test
	void createsSubcategoriesAndReplacesTheirProvisionalIdsWhenPushed() {

		var created = api.post("/api/pricebook/categories/1/subcategories", "{\"name\": \"Heaters\", \"position\": 0}");
		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().isLenientlyEqualTo("""
				{"parentStId": 1, "depth": 1, "name": "Heaters", "position": 0, "localStatus": "CREATED", "pending": true,
				 "st": null, "categoryType": "Services"}""");
		long parentId = ((Number) TenantApi.read(created, "$.stId")).longValue();
		assertThat(parentId).isNegative();
		var child = api.post("/api/pricebook/categories/" + parentId + "/subcategories", "{\"name\": \"Gas heaters\"}");
		long childId = ((Number) TenantApi.read(child, "$.stId")).longValue();
		assertThat(TenantApi.<String>read(child, "$.path")).isEqualTo("1." + parentId + "." + childId);

		assertThat(api.post("/api/pricebook/categories/push")).bodyJson().extractingPath("$.count").isEqualTo(4);
		var first = stIngest.awaitCommands(3);
		var create = byStId(first, parentId);
		assertThat(create.action()).isEqualTo(CommandAction.CREATE_CATEGORY);
		assertThat(create.write()).extracting(w -> w.name(), w -> w.parentId(), w -> w.categoryType(), w -> w.position())
			.containsExactly("Heaters", 1L, "Services", 0);
		assertThat(first).noneMatch(c -> c.stId() == childId);

		stIngest.answer(create, CommandOutcome.SUCCEEDED, 200, null,
				CategoryPushIntegrationTests.stCategory(5001, 1L, "Heaters", 0, null));
		var childCreate = byStId(stIngest.awaitCommands(4), childId);
		assertThat(childCreate.write().parentId()).isEqualTo(5001L);
		assertThat(api.get("/api/pricebook/categories/5001")).bodyJson().isLenientlyEqualTo("""
				{"path": "1.5001", "localStatus": "NONE", "pending": false, "st": {"name": "Heaters"}}""");
		assertThat(api.get("/api/pricebook/categories/" + childId)).bodyJson().isLenientlyEqualTo("""
				{"parentStId": 5001, "path": "1.5001.%d"}""".formatted(childId));

		stIngest.answer(childCreate, CommandOutcome.SUCCEEDED, 200, null,
				CategoryPushIntegrationTests.stCategory(5002, 5001L, "Gas heaters", 0, null));
		for (var other : first) {
			if (other.stId() != parentId) {
				stIngest.answer(other, CommandOutcome.SUCCEEDED, 200, null, null);
			}
		}
		assertThat(stIngest.awaitPushed(1)).singleElement()
			.extracting(CategoriesPushed::count, CategoriesPushed::success)
			.containsExactly(4, 4);
		assertThat(api.get("/api/pricebook/categories/5002")).bodyJson().isLenientlyEqualTo("""
				{"parentStId": 5001, "depth": 2, "path": "1.5001.5002", "pending": false}""");
		assertThat(api.get("/api/pricebook/categories/" + childId)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void deletesLocallyAndRemovesTheItemOnceServiceTitanDeletedIt() {

		var local = api.post("/api/pricebook/categories/21/subcategories", "{\"name\": \"Draft\"}");
		var localId = ((Number) TenantApi.read(local, "$.stId")).longValue();
		assertThat(api.delete("/api/pricebook/categories/subcategories/" + localId)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"removed\": true}");
		assertThat(api.get("/api/pricebook/categories/" + localId)).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(api.delete("/api/pricebook/categories/subcategories/12")).hasStatus(HttpStatus.CONFLICT);
		assertThat(api.delete("/api/pricebook/categories/subcategories/1")).hasStatus(HttpStatus.NOT_FOUND);
		api.delete("/api/pricebook/categories/subcategories/121");
		api.delete("/api/pricebook/categories/subcategories/122");
		assertThat(api.delete("/api/pricebook/categories/subcategories/12")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"removed": false, "item": {"stId": 12, "localStatus": "DELETED", "pending": true}}""");
		assertThat(TenantApi.<List<Integer>>read(api.get("/api/pricebook/categories/1/subcategories/flat"),
				"$.items[*].stId")).containsExactly(11, 111, 1111);
		assertThat(TenantApi.<List<Integer>>read(api.get("/api/pricebook/categories/1/subcategories/tree?active=all"),
				"$.children[*].stId")).containsExactly(11, 12);

		api.post("/api/pricebook/categories/push");
		var commands = stIngest.awaitCommands(3);
		assertThat(commands).extracting(StCommand::action).containsOnly(CommandAction.DELETE_CATEGORY);
		stIngest.answer(byStId(commands, 121), CommandOutcome.NOT_FOUND, 404, "gone", null);
		stIngest.answer(byStId(commands, 122), CommandOutcome.SUCCEEDED, 200, null, null);
		stIngest.answer(byStId(commands, 12), CommandOutcome.SUCCEEDED, 200, null, null);

		assertThat(stIngest.awaitPushed(1)).singleElement().extracting(CategoriesPushed::success).isEqualTo(3);
		await().atMost(TIMEOUT).untilAsserted(
				() -> assertThat(api.get("/api/pricebook/categories/12")).hasStatus(HttpStatus.NOT_FOUND));
		assertThat(api.get("/api/pricebook/categories/121")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/pricebook/categories/pending")).bodyJson().extractingPath("$.count").isEqualTo(0);
	}

	private static StCommand byStId(List<StCommand> commands, long stId) {
		return commands.stream().filter(c -> c.stId() == stId).findFirst().orElseThrow();
	}

	/** Every node of the tree: path = its parent's path + its id, depth = levels - 1, root = first label. */
	private void assertConsistent(long rootId) {

		List<Map<String, Object>> nodes = TenantApi.read(
				api.get("/api/pricebook/categories/" + rootId + "/subcategories/flat?size=500"), "$.items[*]");
		var byId = new HashMap<Long, String>();
		byId.put(rootId, Long.toString(rootId));
		nodes.forEach(n -> byId.put(((Number) n.get("stId")).longValue(), (String) n.get("path")));
		for (var node : nodes) {
			var path = (String) node.get("path");
			var parent = ((Number) node.get("parentStId")).longValue();
			assertThat(path).isEqualTo(byId.get(parent) + "." + node.get("stId"));
			assertThat(((Number) node.get("depth")).intValue()).isEqualTo(path.split("\\.").length - 1);
			assertThat(((Number) node.get("rootStId")).longValue()).isEqualTo(rootId);
		}
	}
}
