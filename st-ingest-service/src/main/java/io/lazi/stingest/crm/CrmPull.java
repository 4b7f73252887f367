package io.lazi.stingest.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.SyncType;
import io.lazi.stingest.pricebook.SyncCursor;
import io.lazi.stingest.pricebook.SyncRun;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;

/**
 * One CRM run: pulls the feeds in {@link CrmFeed#IN_ORDER}, page by page, and publishes each page.
 * A full run lists everything; an incremental run sends {@code modifiedOnOrAfter = cursor − overlap}
 * per feed (everything when the feed has no cursor yet). Customers get their contacts attached from
 * {@code /customers/{id}/contacts}; a contact changed without its customer changing is picked up by the
 * next full run. Not thread-safe: one instance per run.
 */
class CrmPull {

	private final ServiceTitanClient client;

	private final CrmLedger ledger;

	private final Clock clock;

	private final SyncRun run;

	private final CallCounts counts;

	private final Map<String, Instant> newest = new LinkedHashMap<>();

	private int published;

	CrmPull(ServiceTitanClient client, CrmLedger ledger, Clock clock, SyncRun run, CallCounts counts) {
		this.client = client;
		this.ledger = ledger;
		this.clock = clock;
		this.run = run;
		this.counts = counts;
	}

	/**
	 * Pulls every feed.
	 *
	 * @param cursors the stored cursor of each feed, by {@link CrmFeed#cursorResource()}
	 * @return the records published and the newest {@code modifiedOn} received per feed
	 */
	Result pull(Function<String, SyncCursor> cursors, Duration overlap) {

		for (var feed : CrmFeed.IN_ORDER) {
			pull(feed, run.syncType() == SyncType.FULL ? null
					: cursors.apply(feed.cursorResource()).modifiedOnOrAfter(overlap).orElse(null));
		}
		return new Result(published, Map.copyOf(newest));
	}

	private <T> void pull(CrmFeed<T> feed, @Nullable Instant modifiedOnOrAfter) {

		var cursor = SyncCursor.empty();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var result = client.list(run.tenantId(), feed.path(), page, modifiedOnOrAfter, feed.activeAny(),
					feed.pageType(), counts);
			var records = feed == CrmFeed.CUSTOMERS ? withContacts(result.data()) : result.data();
			ledger.publish(run, feed, records, clock.instant());
			for (var record : records) {
				cursor = cursor.advancedTo(feed.modifiedOn().apply(record));
			}
			published += records.size();
			hasMore = result.hasMore() && !result.data().isEmpty();
		}
		if (cursor.newestModifiedOn() != null) {
			newest.put(feed.cursorResource(), cursor.newestModifiedOn());
		}
	}

	@SuppressWarnings("unchecked")
	private <T> List<T> withContacts(List<T> customers) {
		return (List<T>) customers.stream().map(customer -> withContacts((StCustomer) customer)).toList();
	}

	private StCustomer withContacts(StCustomer customer) {

		var contacts = new ArrayList<StContact>();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var result = client.contacts(run.tenantId(), customer.id(), page, counts);
			contacts.addAll(result.data());
			hasMore = result.hasMore() && !result.data().isEmpty();
		}
		return new StCustomer(customer.id(), customer.active(), customer.name(), customer.type(), customer.address(),
				List.copyOf(contacts), customer.mergedToId(), customer.createdOn(), customer.modifiedOn());
	}

	/**
	 * @param records records published over all feeds
	 * @param newest newest {@code modifiedOn} received, by feed cursor resource (feeds that returned nothing absent)
	 */
	record Result(int records, Map<String, Instant> newest) {
	}
}
