package io.lazi.stingest.pricebook;

import java.time.Instant;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.stingest.pricebook.persistence.CategoryStateRepository;
import io.lazi.stingest.pricebook.persistence.NodeState;
import io.lazi.stingest.sync.SyncRun;

/**
 * Each root a categories run received, stored (raw payload, node snapshot) and published on
 * {@code st.raw.categories} in one transaction: once with the tree as listed, again as images arrive.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CategoryLedger {

	private final CategoryStateRepository state;

	private final Outbox outbox;

	/**
	 * Stores one root (complete subtree, images as known) and publishes it as {@code CategoryFetched}; the
	 * same root may go out again in the same run when its images arrive.
	 */
	@Transactional
	void storeRoot(SyncRun run, StCategory root, Instant fetchedAt, List<NodeState> nodes) {

		var payload = new CategoryFetched(run.tenantId(), run.id(), run.syncType(), fetchedAt, root);
		state.storeRoot(run.tenant(), root, run.id(), run.syncType(), fetchedAt, nodes);
		outbox.append(OutgoingEvent.of(Events.CATEGORY_FETCHED, Long.toString(root.id()), payload));
	}

	/**
	 * Stores one root already published as it is, for the {@code modifiedOn} of subcategories whose by-id
	 * fetch confirmed the image it went out with: nothing is published.
	 */
	@Transactional
	void storeSnapshot(SyncRun run, StCategory root, Instant fetchedAt, List<NodeState> nodes) {
		state.storeRoot(run.tenant(), root, run.id(), run.syncType(), fetchedAt, nodes);
	}
}
