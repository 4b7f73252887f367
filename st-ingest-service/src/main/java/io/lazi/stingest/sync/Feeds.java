package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lazi.stingest.servicetitan.ServiceTitanClient;

/**
 * The pull of resources made of flat ServiceTitan lists: reads each {@link Feed} in the order given,
 * page by page, and publishes each page in its own transaction, every record followed by its feed's
 * companions. A full run lists everything; an incremental run sends {@code modifiedOnOrAfter = cursor − overlap}
 * per feed (everything when the feed has no cursor yet). Thread-safe.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Feeds {

	private static final Logger LOG = LoggerFactory.getLogger(Feeds.class);

	private final ServiceTitanClient client;

	private final SyncLedger ledger;

	/** Pulls {@code feeds} with ServiceTitan's configured {@code page-size}. */
	public PullResult pull(PullRun run, List<Feed<?>> feeds) {
		return pull(run, feeds, null);
	}

	/**
	 * Pulls {@code feeds} with {@code pageSize} records per page.
	 *
	 * @param pageSize 1..5000, or null for ServiceTitan's configured {@code page-size}
	 */
	public PullResult pull(PullRun run, List<Feed<?>> feeds, @Nullable Integer pageSize) {

		var newest = new HashMap<String, Instant>();
		var published = 0;
		for (var feed : feeds) {
			published += pull(run, feed, pageSize, newest);
		}
		return PullResult.records(published, newest);
	}

	/**
	 * Publishes records of {@code feed} read some other way (e.g. customers whose contacts changed) as one
	 * page, with their companions, in its own transaction; returns how many records went out, companions included.
	 */
	public <T> int publish(PullRun run, Feed<T> feed, List<T> records) {
		return publishPage(run, feed, records);
	}

	private <T> int pull(PullRun run, Feed<T> feed, @Nullable Integer pageSize, Map<String, Instant> newest) {

		var tenant = run.tenant().id();
		var from = run.modifiedOnOrAfter(feed.cursor());
		var cursor = SyncCursor.empty();
		var published = 0;
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var listed = client.list(tenant, feed.path(), page, pageSize, from, feed.activeAny(), feed.query(),
					feed.pageType(), run.counts());
			var records = feed.expansion().expand(run, listed.data());
			published += publishPage(run, feed, records);
			for (var record : records) {
				cursor = cursor.advancedTo(feed.modifiedOn().apply(record));
			}
			hasMore = listed.hasMore() && !listed.data().isEmpty();
		}
		if (cursor.newestModifiedOn() != null) {
			newest.put(feed.cursor(), cursor.newestModifiedOn());
		}
		LOG.debug("Sync {} of tenant {} published {} records of {}", run.run().id(), tenant, published, feed.cursor());
		return published;
	}

	/** Reads the companions of the page's records (before the transaction), then publishes all of it together. */
	private <T> int publishPage(PullRun run, Feed<T> feed, List<T> records) {

		var page = new ArrayList<SyncLedger.Fetched<?>>();
		for (var record : records) {
			page.add(new SyncLedger.Fetched<>(feed.type(), feed.id().applyAsLong(record), record));
			for (var companion : feed.companions()) {
				companion(run, companion, record, page);
			}
		}
		ledger.publish(run.run(), page, run.now());
		return page.size();
	}

	private static <T, R> void companion(PullRun run, Feed.Companion<T, R> companion, T record,
			List<SyncLedger.Fetched<?>> page) {
		companion.reader()
			.read(run, record)
			.ifPresent(read -> page.add(new SyncLedger.Fetched<>(companion.type(), companion.id().applyAsLong(read), read)));
	}
}
