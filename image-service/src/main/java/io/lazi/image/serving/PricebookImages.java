package io.lazi.image.serving;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.lazi.platform.web.Tenant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Pricebook node images: memory first (Caffeine, weighed in bytes, {@code lazi.image.cache.max-size};
 * concurrent misses of one node share one load), then {@link ImageLoader}. Absent images are not held
 * in memory. Metrics {@code cache.*} with {@code cache=pricebook-images}. Thread-safe.
 */
@Service
public class PricebookImages implements DisposableBean {

	/** Per-entry overhead added to the image size when weighing. */
	private static final int ENTRY_OVERHEAD = 256;

	private final ExecutorService loads = Executors.newVirtualThreadPerTaskExecutor();

	private final AsyncLoadingCache<ImageKey, NodeImage> cache;

	private final NodeImageRepository repository;

	PricebookImages(ServingProperties properties, ImageLoader loader, NodeImageRepository repository,
			MeterRegistry meters) {
		this.repository = repository;
		this.cache = Caffeine.newBuilder()
			.maximumWeight(properties.cache().maxSize().toBytes())
			.weigher((ImageKey key, NodeImage image) -> image.content().size() + ENTRY_OVERHEAD)
			.expireAfterWrite(properties.cache().maxAge())
			.executor(loads)
			.recordStats()
			.buildAsync((key, executor) -> java.util.concurrent.CompletableFuture.supplyAsync(() -> loader.load(key), executor));
		CaffeineCacheMetrics.monitor(meters, cache, "pricebook-images");
	}

	/**
	 * The image of node {@code stId} of the tenant, asked as {@code kind}.
	 *
	 * @return empty when the node is unknown, of the other kind, has no image, or ServiceTitan has none
	 * @throws UpstreamImageException when ServiceTitan's answer cannot be used
	 */
	public Optional<NodeImage> get(Tenant tenant, NodeKind kind, long stId) {

		try {
			var image = cache.get(new ImageKey(tenant, stId)).join();
			return Optional.ofNullable(image).filter(found -> kind.matches(found.depth()));
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Loads the node's image into memory (and the database) unless it is there; waits for the load. */
	void prefetch(Tenant tenant, long stId) {
		cache.get(new ImageKey(tenant, stId)).join();
	}

	/** Drops the node's image from memory. */
	void evict(Tenant tenant, long stId) {
		cache.synchronous().invalidate(new ImageKey(tenant, stId));
	}

	/**
	 * Whether the tenant's own images were fetched, through its ServiceTitan credentials, from the CDN
	 * object at {@code target}: the only CDN objects the proxy serves it.
	 */
	public boolean referencesCdnObject(Tenant tenant, URI target) {
		return repository.referencesCdnObject(tenant, CdnLocations.key(target));
	}

	/** Counts of the tenant, in memory and in the database. */
	public ImageStats stats(Tenant tenant) {

		long entries = 0;
		long bytes = 0;
		for (var entry : cache.synchronous().asMap().entrySet()) {
			if (entry.getKey().tenant().equals(tenant)) {
				entries++;
				bytes += entry.getValue().content().size();
			}
		}
		var stored = repository.counts(tenant);
		return new ImageStats(entries, bytes, stored.images(), stored.bytes(), stored.nodesWithImage());
	}

	@Override
	public void destroy() {
		loads.shutdownNow();
	}
}
