package io.lazi.stingest.pricebook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.stingest.pricebook.persistence.NodeState;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;

/**
 * The pull of one run: pages through the category list ({@code modifiedOnOrAfter = cursor - overlap}
 * for an incremental run), fills subcategory images and stores and publishes each root in its own
 * transaction, advancing the cursor over every node received. One instance per run.
 */
final class CategoryPull {

	private static final Logger LOG = LoggerFactory.getLogger(CategoryPull.class);

	private final ServiceTitanClient client;

	private final SyncLedger ledger;

	private final Clock clock;

	private final SyncRun run;

	private final CallCounts counts;

	CategoryPull(ServiceTitanClient client, SyncLedger ledger, Clock clock, SyncRun run, CallCounts counts) {
		this.client = client;
		this.ledger = ledger;
		this.clock = clock;
		this.run = run;
		this.counts = counts;
	}

	PullResult pull(SyncCursor cursor, Duration overlap, Map<Long, NodeState> snapshot, int imageConcurrency)
			throws InterruptedException {

		var from = run.syncType() == SyncType.INCREMENTAL ? cursor.modifiedOnOrAfter(overlap).orElse(null) : null;
		var images = new ImageFiller(client, run.tenantId(), snapshot, counts, imageConcurrency);
		var rootIds = new ArrayList<Long>();
		var subcategories = 0;
		var fetched = 0;
		var newest = cursor;
		var page = 1;
		while (true) {
			var listed = client.categories(run.tenantId(), page, from, counts);
			var fetchedAt = clock.instant();
			var roots = new ArrayList<StCategory>();
			for (var category : listed.data()) {
				if (category.parentId() == null) {
					roots.add(category);
				}
				else {
					LOG.warn("Tenant {} listed category {} with parent {} at top level; skipped, subcategories travel inside their root",
							run.tenantId(), category.id(), category.parentId());
				}
			}
			var filled = images.fill(roots);
			fetched += filled.fetched();
			for (int i = 0; i < filled.roots().size(); i++) {
				var root = filled.roots().get(i);
				var nodes = filled.nodes().get(i);
				ledger.storeRoot(run, root, fetchedAt, nodes);
				rootIds.add(root.id());
				subcategories += nodes.size() - 1;
				newest = advance(newest, root);
			}
			if (!listed.hasMore() || listed.data().isEmpty()) {
				break;
			}
			page++;
		}
		return new PullResult(rootIds.size(), subcategories, fetched, rootIds, newest);
	}

	private static SyncCursor advance(SyncCursor cursor, StCategory node) {

		var advanced = cursor.advancedTo(node.modifiedOn());
		for (var child : node.children()) {
			advanced = advance(advanced, child);
		}
		return advanced;
	}
}
