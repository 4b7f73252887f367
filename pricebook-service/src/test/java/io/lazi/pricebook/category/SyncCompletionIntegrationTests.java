package io.lazi.pricebook.category;

import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.category.PricebookChanges.Change;
import io.lazi.pricebook.category.tree.CategoryQueries;
import io.lazi.pricebook.category.tree.CategoryStats;

@PricebookIntegrationTest
class SyncCompletionIntegrationTests extends IntegrationTestSupport {

	private final StIngestEvents stIngest = stIngestEvents();

	private final PricebookChanges published = pricebookChanges();

	private final CategoryQueries queries;

	@Autowired
	SyncCompletionIntegrationTests(PricebookTestKit kit, CategoryQueries queries) {
		super(kit);
		this.queries = queries;
	}

	@Test
	void publishesCategoriesSyncedOnceWhenTheCompletionArrivesAfterTheRoots() {

		var run = UUID.randomUUID();
		stIngest.fetched(tenant, run, SyncType.FULL, pool());
		stIngest.fetched(tenant, run, SyncType.FULL, spa());
		awaitStored(1);
		awaitStored(2);
		var completion = stIngest.completed(tenant, run, SyncType.FULL, 2, List.of(1L, 2L));

		assertThat(published.awaitSynced(1)).containsExactly(new CategoriesSynced(tenant, run, 5, 5, 0, 0));
		stIngest.completed(completion, tenant, run, SyncType.FULL, 2, List.of(1L, 2L));
		stIngest.completed(tenant, run, SyncType.FULL, 2, List.of(1L, 2L));
		var marker = UUID.randomUUID();
		stIngest.completed(tenant, marker, SyncType.INCREMENTAL, 0, List.of());
		assertThat(published.awaitSynced(2)).extracting(CategoriesSynced::syncRunId).containsExactly(run, marker);
		assertThat(published.syncedAfter(QUIET)).hasSize(2);
	}

	@Test
	void publishesCategoriesSyncedOnceWhenTheCompletionArrivesBeforeTheRoots() {

		var run = UUID.randomUUID();
		stIngest.completed(tenant, run, SyncType.FULL, 2, List.of(1L, 2L));
		stIngest.fetched(tenant, run, SyncType.FULL, pool());
		awaitStored(1);
		assertThat(published.syncedAfter(QUIET)).isEmpty();
		// Clients wait for lastSyncRunId to know the tree holds a run: half a run is not applied.
		assertThat(queries.stats(reader).lastSyncRunId()).isNull();

		stIngest.fetched(tenant, run, SyncType.FULL, spa());

		assertThat(published.awaitSynced(1)).containsExactly(new CategoriesSynced(tenant, run, 5, 5, 0, 0));
		assertThat(published.syncedAfter(QUIET)).hasSize(1);
		assertThat(queries.stats(reader).lastSyncRunId()).isEqualTo(run);
	}

	@Test
	void deactivatesRootsAFullRunDidNotSee() {

		syncPoolAndSpa();

		var second = UUID.randomUUID();
		stIngest.fetched(tenant, second, SyncType.FULL, pool());
		stIngest.completed(tenant, second, SyncType.FULL, 1, List.of(1L));

		assertThat(published.awaitSynced(2).getLast()).isEqualTo(new CategoriesSynced(tenant, second, 3, 0, 0, 2));
		assertThat(queries.category(reader, 2).active()).isFalse();
		assertThat(queries.category(reader, 21).active()).isFalse();
		assertThat(queries.category(reader, 1).active()).isTrue();
		assertThat(published.awaitChanges(7))
			.filteredOn(c -> Events.PRICEBOOK_CATEGORY_DEACTIVATED.name().equals(c.type()))
			.extracting(c -> c.payload().stId())
			.containsExactlyInAnyOrder(2L, 21L);
		assertThat(queries.stats(reader)).extracting(CategoryStats::roots, CategoryStats::inactive,
				CategoryStats::lastSyncRunId)
			.containsExactly(1, 2, second);
	}

	@Test
	void keepsOtherRootsAfterAnIncrementalRun() {

		syncPoolAndSpa();

		var second = UUID.randomUUID();
		stIngest.fetched(tenant, second, SyncType.INCREMENTAL, pool());
		stIngest.completed(tenant, second, SyncType.INCREMENTAL, 1, List.of());

		assertThat(published.awaitSynced(2).getLast()).isEqualTo(new CategoriesSynced(tenant, second, 5, 0, 0, 0));
		assertThat(queries.category(reader, 2).active()).isTrue();
		published.awaitChanges(5);
		assertThat(published.changesAfter(QUIET)).hasSize(5)
			.extracting(Change::type)
			.containsOnly(Events.PRICEBOOK_CATEGORY_CREATED.name());
	}

	/** A first full run of Pool and Spa, completed and announced. */
	private void syncPoolAndSpa() {

		var first = UUID.randomUUID();
		stIngest.fetched(tenant, first, SyncType.FULL, pool());
		stIngest.fetched(tenant, first, SyncType.FULL, spa());
		stIngest.completed(tenant, first, SyncType.FULL, 2, List.of(1L, 2L));
		published.awaitSynced(1);
	}

	private void awaitStored(long stId) {
		await().atMost(TIMEOUT).ignoreExceptions().until(() -> queries.category(reader, stId) != null);
	}

	/** Pool (1) › Pumps (11) › Motors (111). */
	private static StCategory pool() {
		return root(1, "Pool", 0, sub(11, 1, "Pumps", 0, sub(111, 11, "Motors", 0)));
	}

	/** Spa (2) › Covers (21). */
	private static StCategory spa() {
		return root(2, "Spa", 1, sub(21, 2, "Covers", 0));
	}
}
