package io.lazi.stingest.pricebook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lazi.platform.events.StCategory;
import io.lazi.stingest.pricebook.persistence.NodeState;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.micrometer.context.ContextExecutorService;

/**
 * Fills the images the bulk list leaves out: a nested subcategory listed with {@code image: null} gets
 * its image from {@code GET /categories/{id}} when it is new or its {@code modifiedOn} changed since the
 * snapshot; an unchanged one reuses the image it was last published with. By-id calls run on virtual
 * threads, at most {@code concurrency} at a time, inside the tenant's rate budget. One instance per run.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ImageFiller {

	private static final Logger LOG = LoggerFactory.getLogger(ImageFiller.class);

	private final ServiceTitanClient client;

	private final String tenantId;

	private final Map<Long, NodeState> snapshot;

	private final CallCounts counts;

	private final int concurrency;

	/** The roots with every subcategory image filled, and how many by-id fetches that took. */
	Filled fill(List<StCategory> roots) throws InterruptedException {

		var toFetch = new ArrayList<Long>();
		var images = new HashMap<Long, Resolved>();
		for (var root : roots) {
			for (var child : root.children()) {
				plan(child, toFetch, images);
			}
		}
		images.putAll(fetch(toFetch));
		var filled = roots.stream().map(root -> apply(root, images)).toList();
		var nodes = new ArrayList<List<NodeState>>();
		for (var root : filled) {
			var list = new ArrayList<NodeState>();
			collect(root, root.id(), images, list);
			nodes.add(list);
		}
		return new Filled(filled, nodes, toFetch.size());
	}

	private void plan(StCategory node, List<Long> toFetch, Map<Long, Resolved> images) {

		if (node.image() == null) {
			var seen = snapshot.get(node.id());
			var modifiedOn = micros(node.modifiedOn());
			if (seen != null && modifiedOn != null && modifiedOn.equals(seen.modifiedOn())) {
				images.put(node.id(), new Resolved(seen.image(), true));
			}
			else {
				toFetch.add(node.id());
			}
		}
		node.children().forEach(child -> plan(child, toFetch, images));
	}

	private Map<Long, Resolved> fetch(List<Long> ids) throws InterruptedException {

		var permits = new Semaphore(concurrency);
		var futures = new ArrayList<Future<Optional<StCategory>>>(ids.size());
		// The fetches log (retries, 429s) in the run's trace and tenant.
		try (var executor = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor())) {
			for (var id : ids) {
				futures.add(executor.submit(() -> {
					permits.acquire();
					try {
						return client.category(tenantId, id, counts);
					}
					finally {
						permits.release();
					}
				}));
			}
			try {
				var result = new HashMap<Long, Resolved>();
				for (int i = 0; i < ids.size(); i++) {
					var fetched = await(futures, i);
					if (fetched.isEmpty()) {
						LOG.warn("Subcategory {} of tenant {} vanished between list and fetch; published without image",
								ids.get(i), tenantId);
					}
					result.put(ids.get(i), new Resolved(fetched.map(StCategory::image).orElse(null), fetched.isPresent()));
				}
				return result;
			}
			catch (InterruptedException ex) {
				// The run was lost (another instance took it over) or is stopping: the fetches still queued would
				// only spend the tenant's rate budget, and closing the executor would wait for every one of them.
				futures.forEach(future -> future.cancel(true));
				throw ex;
			}
		}
	}

	private static Optional<StCategory> await(List<Future<Optional<StCategory>>> futures, int index)
			throws InterruptedException {

		try {
			return futures.get(index).get();
		}
		catch (ExecutionException ex) {
			futures.forEach(future -> future.cancel(true));
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("Subcategory image fetch failed", ex.getCause());
		}
	}

	private static StCategory apply(StCategory node, Map<Long, Resolved> images) {

		var resolved = images.get(node.id());
		var withImage = resolved == null ? node : node.withImage(resolved.image());
		return withImage.withSubcategories(node.children().stream().map(child -> apply(child, images)).toList());
	}

	private static void collect(StCategory node, long rootId, Map<Long, Resolved> images, List<NodeState> into) {

		var resolved = images.get(node.id());
		// a node that vanished before its by-id fetch keeps no modifiedOn, so the next pull fetches it again
		var modifiedOn = resolved != null && !resolved.known() ? null : micros(node.modifiedOn());
		into.add(new NodeState(node.id(), rootId, modifiedOn, node.image()));
		node.children().forEach(child -> collect(child, rootId, images, into));
	}

	private static @Nullable Instant micros(@Nullable Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * @param roots the roots, images filled
	 * @param nodes per root (same order), the snapshot of its subtree
	 * @param fetched by-id fetches made
	 */
	record Filled(List<StCategory> roots, List<List<NodeState>> nodes, int fetched) {
	}

	/** An image to publish; {@code known} is false when the node vanished before its fetch. */
	private record Resolved(@Nullable String image, boolean known) {
	}
}
