package io.lazi.pricebook.category;

import static io.lazi.pricebook.category.StCategories.renamed;
import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.category.PricebookChanges.Change;
import io.lazi.pricebook.category.tree.CategoryQueries;
import io.lazi.pricebook.category.tree.CategoryTreeView;
import io.lazi.pricebook.category.tree.CategoryView;

@PricebookIntegrationTest
class CategorySyncIntegrationTests extends IntegrationTestSupport {

	private final UUID run = UUID.randomUUID();

	private final StIngestEvents stIngest = stIngestEvents();

	private final PricebookChanges published = pricebookChanges();

	private final CategoryQueries queries;

	@Autowired
	CategorySyncIntegrationTests(PricebookTestKit kit, CategoryQueries queries) {
		super(kit);
		this.queries = queries;
	}

	@Test
	void storesARootWithItsSubtreeAsATree() {

		stIngest.fetched(tenant, run, SyncType.FULL, pool());

		var tree = awaitTree(1);
		assertThat(tree.category().depth()).isZero();
		assertThat(tree.children()).extracting(c -> c.category().stId()).containsExactly(11L, 12L);
		var filter = tree.children().getFirst().children().getFirst();
		assertThat(filter.category()).extracting(CategoryView::stId, CategoryView::parentStId, CategoryView::rootStId,
				CategoryView::depth, CategoryView::path)
			.containsExactly(111L, 11L, 1L, 2, "1.11.111");
		assertThat(filter.children().getFirst().category().path()).isEqualTo("1.11.111.1111");
		assertThat(published.awaitChanges(6)).extracting(Change::type).containsOnly(Events.PRICEBOOK_CATEGORY_CREATED.name());
	}

	@Test
	void changesAndPublishesNothingForARedeliveredOrRefetchedTree() {

		var eventId = stIngest.fetched(tenant, run, SyncType.FULL, pool());
		var created = published.awaitChanges(6);
		var before = queries.tree(reader, 1);

		stIngest.fetched(eventId, tenant, run, SyncType.FULL, pool());
		stIngest.fetched(tenant, UUID.randomUUID(), SyncType.FULL, pool());
		stIngest.fetched(tenant, UUID.randomUUID(), SyncType.FULL, pool(renamed(root(1, "Pool", 0), "Pools")));

		var after = published.awaitChanges(created.size() + 1);
		assertThat(published.changesAfter(QUIET)).hasSize(created.size() + 1);
		assertThat(after.getLast().payload()).extracting(CategoryChanged::stId, CategoryChanged::changes)
			.containsExactly(1L, List.of("name"));
		var unchanged = queries.tree(reader, 1).children();
		assertThat(unchanged).isEqualTo(before.children());
	}

	@Test
	void publishesOneUpdateNamingTheNameForARenamedNode() {

		stIngest.fetched(tenant, run, SyncType.FULL, pool());
		var created = published.awaitChanges(6);

		stIngest.fetched(tenant, run, SyncType.FULL, root(1, "Pool", 0,
				sub(11, 1, "Equipment", 0, sub(111, 11, "Filters", 0, sub(1111, 111, "Cartridges", 0))),
				sub(12, 1, "Service", 1, renamed(sub(121, 12, "Cleaning", 0), "Deep cleaning"))));

		var changes = published.awaitChanges(created.size() + 1);
		assertThat(published.changesAfter(QUIET)).hasSize(created.size() + 1);
		assertThat(changes.getLast()).extracting(Change::type, c -> c.payload().stId(), c -> c.payload().changes(),
				c -> c.payload().name())
			.containsExactly(Events.PRICEBOOK_CATEGORY_UPDATED.name(), 121L, List.of("name"), "Deep cleaning");
		assertThat(queries.category(reader, 121).name()).isEqualTo("Deep cleaning");
	}

	@Test
	void deactivatesANodeMissingFromALaterSubtree() {

		stIngest.fetched(tenant, run, SyncType.FULL, pool());
		var created = published.awaitChanges(6);

		stIngest.fetched(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, root(1, "Pool", 0,
				sub(11, 1, "Equipment", 0, sub(111, 11, "Filters", 0, sub(1111, 111, "Cartridges", 0))),
				sub(12, 1, "Service", 1)));

		var changes = published.awaitChanges(created.size() + 1);
		assertThat(changes.getLast()).extracting(Change::type, c -> c.payload().stId(), c -> c.payload().changes(),
				c -> c.payload().active())
			.containsExactly(Events.PRICEBOOK_CATEGORY_DEACTIVATED.name(), 121L, List.of("active"), false);
		assertThat(queries.category(reader, 121).active()).isFalse();
		assertThat(queries.category(reader, 12).active()).isTrue();
	}

	@Test
	void movesANodeWithItsDescendants() {

		stIngest.fetched(tenant, run, SyncType.FULL, pool());
		var created = published.awaitChanges(6);

		stIngest.fetched(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, root(1, "Pool", 0,
				sub(11, 1, "Equipment", 0),
				sub(12, 1, "Service", 1, sub(121, 12, "Cleaning", 0, sub(111, 121, "Filters", 0,
						sub(1111, 111, "Cartridges", 0))))));

		var changes = published.awaitChanges(created.size() + 2).subList(created.size(), created.size() + 2);
		assertThat(changes).extracting(Change::type, c -> c.payload().stId(), c -> c.payload().changes())
			.containsExactlyInAnyOrder(tuple(Events.PRICEBOOK_CATEGORY_MOVED.name(), 111L, List.of("parent", "depth", "path")),
					tuple(Events.PRICEBOOK_CATEGORY_UPDATED.name(), 1111L, List.of("depth", "path")));
		assertThat(queries.category(reader, 111)).extracting(CategoryView::parentStId, CategoryView::depth,
				CategoryView::path)
			.containsExactly(121L, 3, "1.12.121.111");
		assertThat(queries.category(reader, 1111)).extracting(CategoryView::depth, CategoryView::path)
			.containsExactly(4, "1.12.121.111.1111");
		assertThat(queries.category(reader, 11).childCount()).isZero();
	}

	@Test
	void sendsUnappliableRecordsToTheDeadLetterTopicAndGoesOn() {

		try (var deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.ST_RAW_CATEGORIES))) {
			var malformed = stIngest.fetchedPayload(tenant, 1, "{\"tenantId\": ".getBytes(StandardCharsets.UTF_8));
			var duplicateIds = stIngest.fetched(tenant, run, SyncType.FULL,
					root(1, "Pool", 0, sub(11, 1, "A", 0), sub(11, 1, "B", 1)));
			stIngest.fetched(tenant, run, SyncType.FULL, pool());

			assertThat(awaitTree(1).children()).hasSize(2);
			var dead = deadLetters.await(r -> r.key().equals(tenant + ":1") && ceId(r).equals(duplicateIds.toString()),
					TIMEOUT);
			assertThat(deadLetters.records()).filteredOn(r -> r.key().equals(tenant + ":1"))
				.extracting(CategorySyncIntegrationTests::ceId)
				.containsExactly(malformed.toString(), duplicateIds.toString());
			assertThat(dead).isNotEmpty();
		}
	}

	@Test
	void sendsAnEventWhoseSourceDoesNotProduceTheTopicToTheDeadLetterTopicAndAppliesNothing() {

		var forger = StIngestEvents.forgedBy(kit.kafka(), kit.json(), KafkaAccess.Principal.PRICEBOOK.source());
		try (var deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.ST_RAW_CATEGORIES))) {
			var forged = forger.fetched(tenant, run, SyncType.FULL, root(7, "Forged", 0));

			var dead = deadLetters.await(r -> ceId(r).equals(forged.toString()), TIMEOUT);
			assertThat(new String(dead.getFirst().headers().lastHeader("kafka_dlt-exception-message").value(),
					StandardCharsets.UTF_8))
				.contains("ce_source /lazi/pricebook-service, which does not produce st.raw.categories");
			stIngest.fetched(tenant, run, SyncType.FULL, pool());
			assertThat(awaitTree(1).children()).hasSize(2);
			assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> queries.tree(reader, 7));
		}
	}

	private static String ceId(ConsumerRecord<String, byte[]> record) {
		return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
	}

	private CategoryTreeView awaitTree(long stId) {

		await().atMost(TIMEOUT).ignoreExceptions().until(() -> queries.tree(reader, stId) != null);
		return queries.tree(reader, stId);
	}

	/** Pool (1): Equipment (11) › Filters (111) › Cartridges (1111); Service (12) › Cleaning (121). */
	static StCategory pool() {
		return pool(root(1, "Pool", 0));
	}

	static StCategory pool(StCategory root) {
		return root.withSubcategories(List.of(
				sub(12, 1, "Service", 1, sub(121, 12, "Cleaning", 0)),
				sub(11, 1, "Equipment", 0, sub(111, 11, "Filters", 0, sub(1111, 111, "Cartridges", 0)))));
	}
}
