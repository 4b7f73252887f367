package io.lazi.stingest.pricebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lazi.platform.events.StCategory;
import io.lazi.stingest.pricebook.persistence.NodeState;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.micrometer.context.ContextExecutorService;

/**
 * Fills the images the bulk list leaves out, after the tree has gone out: a nested subcategory listed with
 * {@code image: null} gets its image from {@code GET /categories/{id}} when it is new or its
 * {@code modifiedOn} changed since the snapshot ({@link RootImages}). By-id calls run on virtual threads, at
 * most {@code concurrency} at a time, inside the tenant's rate budget, root after root in tree order; a root
 * whose images changed is handed back to be published again once its fetches are done, and at most every
 * {@link #REPUBLISH_INTERVAL} while they go on. One instance per run.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ImageFiller {

	/**
	 * How often a root whose fetches go on is published again with the images that arrived: each publish costs
	 * pricebook-service an apply of the whole root, and a second is as long as a user waits for an image.
	 */
	static final Duration REPUBLISH_INTERVAL = Duration.ofSeconds(1);

	private static final Logger LOG = LoggerFactory.getLogger(ImageFiller.class);

	private final ServiceTitanClient client;

	private final String tenantId;

	private final Map<Long, NodeState> snapshot;

	private final CallCounts counts;

	private final int concurrency;

	/** Where a root goes when images arrived. */
	@FunctionalInterface
	interface RootSink {

		/**
		 * Stores the root as {@link RootImages#tree()} and {@link RootImages#nodes()} give it now.
		 *
		 * @param publish whether one of its images changed since it was last published, so it must go out again;
		 *        otherwise only the snapshot needs the fetched nodes' {@code modifiedOn}
		 */
		void store(RootImages root, boolean publish);
	}

	/** The listed roots with the images the snapshot vouches for, each knowing what it still has to fetch. */
	List<RootImages> plan(List<StCategory> roots) {
		return roots.stream().map(root -> RootImages.plan(root, snapshot)).toList();
	}

	/**
	 * Fetches what {@code roots} wait for and hands each root to {@code sink} as its images arrive.
	 *
	 * @return the by-id fetches made
	 * @throws InterruptedException when the run is lost or st-ingest stops; fetches still queued are cancelled
	 * @throws RuntimeException when a fetch failed for good (the run fails; what went out stays out)
	 */
	int fetch(List<RootImages> roots, RootSink sink) throws InterruptedException {

		var owners = new ArrayList<RootImages>();
		var ids = new ArrayList<Long>();
		for (var root : roots) {
			for (var id : root.toFetch()) {
				owners.add(root);
				ids.add(id);
			}
		}
		if (ids.isEmpty()) {
			return 0;
		}
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
				for (int i = 0; i < ids.size(); i++) {
					var answer = await(futures, i);
					if (answer.isEmpty()) {
						LOG.warn("Subcategory {} of tenant {} vanished between list and fetch; published without image",
								ids.get(i), tenantId);
					}
					var root = owners.get(i);
					root.fetched(ids.get(i), answer);
					hand(root, sink);
				}
				return ids.size();
			}
			catch (InterruptedException ex) {
				// The run was lost (another instance took it over) or is stopping: the fetches still queued would
				// only spend the tenant's rate budget, and closing the executor would wait for every one of them.
				futures.forEach(future -> future.cancel(true));
				throw ex;
			}
		}
	}

	private static void hand(RootImages root, RootSink sink) {

		if (root.waiting() == 0) {
			sink.store(root, root.changedSincePublished());
			root.published();
		}
		else if (root.changedSincePublished() && root.sincePublished().compareTo(REPUBLISH_INTERVAL) >= 0) {
			sink.store(root, true);
			root.published();
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
}
