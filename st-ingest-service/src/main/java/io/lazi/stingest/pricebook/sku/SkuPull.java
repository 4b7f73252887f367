package io.lazi.stingest.pricebook.sku;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.SyncType;
import io.lazi.stingest.pricebook.SyncCursor;
import io.lazi.stingest.pricebook.SyncRun;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;

/**
 * One SKU run: pulls services, materials and equipment page by page ({@code active=Any}, so
 * deactivations arrive) and publishes each page. A full run lists everything; an incremental run sends
 * {@code modifiedOnOrAfter = cursor − overlap} per list (everything when the list has no cursor yet).
 * Not thread-safe: one instance per run.
 */
class SkuPull {

	private final ServiceTitanClient client;

	private final SkuLedger ledger;

	private final Clock clock;

	private final SyncRun run;

	private final CallCounts counts;

	private final Map<String, Instant> newest = new LinkedHashMap<>();

	private final Map<String, Integer> published = new LinkedHashMap<>();

	SkuPull(ServiceTitanClient client, SkuLedger ledger, Clock clock, SyncRun run, CallCounts counts) {
		this.client = client;
		this.ledger = ledger;
		this.clock = clock;
		this.run = run;
		this.counts = counts;
	}

	/**
	 * Pulls every list.
	 *
	 * @param cursors the stored cursor of each list, by {@link SkuFeed#cursorResource()}
	 */
	Result pull(Function<String, SyncCursor> cursors, Duration overlap, int pageSize) {

		for (var feed : SkuFeed.ALL) {
			pull(feed, pageSize, run.syncType() == SyncType.FULL ? null
					: cursors.apply(feed.cursorResource()).modifiedOnOrAfter(overlap).orElse(null));
		}
		return new Result(Map.copyOf(published), Map.copyOf(newest));
	}

	private <T> void pull(SkuFeed<T> feed, int pageSize, @Nullable Instant modifiedOnOrAfter) {

		var cursor = SyncCursor.empty();
		var count = 0;
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var result = client.list(run.tenantId(), feed.path(), page, pageSize, modifiedOnOrAfter, true, feed.pageType(),
					counts);
			ledger.publish(run, feed, result.data(), clock.instant());
			for (var record : result.data()) {
				cursor = cursor.advancedTo(feed.modifiedOn().apply(record));
			}
			count += result.data().size();
			hasMore = result.hasMore() && !result.data().isEmpty();
		}
		published.put(feed.cursorResource(), count);
		if (cursor.newestModifiedOn() != null) {
			newest.put(feed.cursorResource(), cursor.newestModifiedOn());
		}
	}

	/**
	 * @param published records published per list, by cursor resource
	 * @param newest newest {@code modifiedOn} received per list (lists that returned nothing absent)
	 */
	record Result(Map<String, Integer> published, Map<String, Instant> newest) {

		int total() {
			return published.values().stream().mapToInt(Integer::intValue).sum();
		}
	}
}
