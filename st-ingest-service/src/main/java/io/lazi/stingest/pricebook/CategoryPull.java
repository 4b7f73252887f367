package io.lazi.stingest.pricebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.pricebook.persistence.CategoryStateRepository;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.servicetitan.ServiceTitanProperties;
import io.lazi.stingest.sync.PullResult;
import io.lazi.stingest.sync.PullRun;
import io.lazi.stingest.sync.ResourcePull;
import io.lazi.stingest.sync.SyncCursor;
import io.lazi.stingest.sync.SyncResource;
import io.lazi.stingest.sync.SyncRun;

/**
 * The pull of resource {@code pricebook.categories} ({@code /api/sync/pricebook}): pages through the
 * category list ({@code modifiedOnOrAfter = cursor - overlap} for an incremental run); stores and publishes
 * each root of a page in its own transaction with the subcategory images already known, then fetches the
 * missing ones by id ({@link ImageFiller}) and publishes each root again whose images changed, so a root can
 * go out twice or more in one run (the latest wins). The cursor advances over every node received. A full
 * run's completion forgets the roots ServiceTitan no longer lists.
 */
@Component
class CategoryPull implements ResourcePull {

	/** The resource name in {@code sync_run}, on {@code sync.events} and of its cursor. */
	static final String RESOURCE = "pricebook.categories";

	private static final Logger LOG = LoggerFactory.getLogger(CategoryPull.class);

	private final ServiceTitanClient client;

	private final CategoryLedger ledger;

	private final CategoryStateRepository state;

	private final int imageConcurrency;

	private final SyncResource resource;

	CategoryPull(ServiceTitanClient client, CategoryLedger ledger, CategoryStateRepository state,
			ServiceTitanProperties serviceTitan, PricebookProperties properties, ScheduleProperties schedule) {
		this.client = client;
		this.ledger = ledger;
		this.state = state;
		this.imageConcurrency = serviceTitan.imageFetchConcurrency();
		this.resource = new SyncResource(RESOURCE, "pricebook", "pricebook", RESOURCE, properties.incrementalOverlap(),
				schedule, null);
	}

	@Override
	public SyncResource resource() {
		return resource;
	}

	@Override
	public PullResult pull(PullRun pull) throws InterruptedException {

		var tenant = pull.tenant();
		var newest = pull.cursor(RESOURCE);
		var from = pull.modifiedOnOrAfter(newest);
		var images = new ImageFiller(client, tenant.id(), state.snapshot(tenant), pull.counts(), imageConcurrency);
		var rootIds = new ArrayList<Long>();
		var subcategories = 0;
		var fetched = 0;
		var treePublishedAt = pull.run().startedAt();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var listed = client.categories(tenant.id(), page, from, pull.counts());
			var fetchedAt = pull.now();
			// The tree goes out first, with the images already known: a user sees every name and position within
			// a second, while the by-id image fetches take a minute per 3,500 new subcategories at ServiceTitan's rate.
			var roots = images.plan(roots(tenant, listed.data()));
			for (var root : roots) {
				ledger.storeRoot(pull.run(), root.tree(), fetchedAt, root.nodes());
				root.published();
				rootIds.add(root.id());
				subcategories += root.subcategoryCount();
				newest = advance(newest, root.listed());
			}
			treePublishedAt = pull.now();
			fetched += images.fetch(roots, (root, publish) -> {
				if (publish) {
					ledger.storeRoot(pull.run(), root.tree(), pull.now(), root.nodes());
				}
				else {
					ledger.storeSnapshot(pull.run(), root.tree(), pull.now(), root.nodes());
				}
			});
			hasMore = listed.hasMore() && !listed.data().isEmpty();
		}
		var cursors = newest.newestModifiedOn() == null ? Map.<String, Instant>of()
				: Map.of(RESOURCE, newest.newestModifiedOn());
		return new PullResult(rootIds.size(), subcategories, fetched, rootIds, cursors, treePublishedAt);
	}

	@Override
	public void completing(SyncRun done, PullResult result) {

		if (done.syncType() == SyncType.FULL) {
			state.retainRoots(done.tenant(), result.rootStIds());
		}
	}

	/** The roots of a page; a subcategory listed at top level is skipped, it travels inside its root. */
	private static List<StCategory> roots(Tenant tenant, List<StCategory> listed) {

		var roots = new ArrayList<StCategory>();
		for (var category : listed) {
			if (category.parentId() == null) {
				roots.add(category);
			}
			else {
				LOG.warn("Tenant {} listed category {} with parent {} at top level; skipped, subcategories travel inside their root",
						tenant, category.id(), category.parentId());
			}
		}
		return roots;
	}

	private static SyncCursor advance(SyncCursor cursor, StCategory node) {

		var advanced = cursor.advancedTo(node.modifiedOn());
		for (var child : node.children()) {
			advanced = advance(advanced, child);
		}
		return advanced;
	}
}
