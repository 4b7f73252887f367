package io.lazi.image.serving;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.web.Tenant;

/**
 * Applies {@code pricebook.changed} to {@code node_image}, each event once across the instances (checked and
 * de-duplicated by {@link ConsumedMessages#accept}): records the node's depth and image path; when the path
 * changed, deletes the stored bytes of the old path no other node shows; when the new path's bytes are not
 * stored yet, prefetches them after commit. Memory is not its business: every instance's own follows the
 * same events ({@link PricebookImages#announced}). Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NodeImageUpdates {

	/** Consumer name under which applied event ids are recorded. */
	public static final String CONSUMER = "image-service";

	private final ConsumedMessages consumed;

	private final NodeImageRepository repository;

	private final Prefetcher prefetcher;

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
		var path = NodeRef.of(changed).imagePath();
		var before = repository.lockNode(tenant, stId).orElse(null);
		repository.upsertNode(tenant, stId, changed.depth(), path, OffsetDateTime.now(ZoneOffset.UTC));
		var oldPath = before == null ? null : before.imagePath();
		if (oldPath != null && !oldPath.equals(path)) {
			repository.deleteUnreferenced(tenant, oldPath);
		}
		if (path != null && changed.active() && !repository.stored(tenant, path)) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					prefetcher.prefetch(tenant, stId);
				}
			});
		}
	}
}
