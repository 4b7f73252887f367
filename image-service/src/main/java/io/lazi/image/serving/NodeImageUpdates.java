package io.lazi.image.serving;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.web.Tenant;

/**
 * Applies {@code pricebook.changed} to {@code node_image}, each event once (checked and de-duplicated by
 * {@link ConsumedMessages#accept}): records the node's depth and image path; when the path changed, deletes
 * the stored bytes of the old path no other node shows and, after commit, drops the node from memory; when
 * the new path's bytes are not stored yet, prefetches them after commit. Thread-safe.
 */
@Service
public class NodeImageUpdates {

	/** Consumer name under which applied event ids are recorded. */
	public static final String CONSUMER = "image-service";

	private final ConsumedMessages consumed;

	private final NodeImageRepository repository;

	private final PricebookImages images;

	private final Prefetcher prefetcher;

	NodeImageUpdates(ConsumedMessages consumed, NodeImageRepository repository, PricebookImages images,
			Prefetcher prefetcher) {
		this.consumed = consumed;
		this.repository = repository;
		this.images = images;
		this.prefetcher = prefetcher;
	}

	/**
	 * @throws IllegalArgumentException when the event can never be applied (tenant mismatch, missing fields,
	 *         negative depth)
	 */
	@Transactional
	public void apply(ReceivedEvent<CategoryChanged> event) {

		var changed = event.payload();
		if (changed.depth() < 0) {
			throw new IllegalArgumentException("Event " + event.id() + " has negative depth " + changed.depth());
		}
		if (!consumed.accept(event, CONSUMER)) {
			return;
		}
		var tenant = new Tenant(event.tenantId());
		var stId = changed.stId();
		var path = blankToNull(changed.imagePath());
		var before = repository.lockNode(tenant, stId).orElse(null);
		repository.upsertNode(tenant, stId, changed.depth(), path, OffsetDateTime.now(ZoneOffset.UTC));
		var oldPath = before == null ? null : before.imagePath();
		var pathChanged = !Objects.equals(oldPath, path);
		if (pathChanged && oldPath != null) {
			repository.deleteUnreferenced(tenant, oldPath);
		}
		// A node seen for the first time has nothing in memory (absent images are not cached), and evicting
		// would cancel a load a request already started for it, so that ServiceTitan is asked twice.
		var stale = before != null && (pathChanged || before.depth() != changed.depth());
		var fetch = path != null && changed.active() && !repository.stored(tenant, path);
		if (stale || fetch) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					if (stale) {
						images.evict(tenant, stId);
					}
					if (fetch) {
						prefetcher.prefetch(tenant, stId);
					}
				}
			});
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
