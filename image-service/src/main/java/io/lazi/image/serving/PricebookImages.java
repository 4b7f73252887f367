package io.lazi.image.serving;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.web.Tenant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Pricebook node images: memory first (Caffeine, weighed in bytes, {@code lazi.image.cache.max-size};
 * concurrent misses of one node share one load), then {@link ImageLoader}. Absent images are not held
 * in memory. Each instance holds its own memory, which follows what {@code pricebook.changed} announces
 * ({@link #announced}) whichever instance applies the change to the database. Metrics {@code cache.*}
 * with {@code cache=pricebook-images}. Thread-safe.
 */
@Service
public class PricebookImages implements DisposableBean {

	/** Per-entry overhead added to the image size when weighing. */
	private static final int ENTRY_OVERHEAD = 256;

	/**
	 * How long an announced node state is awaited in the database: far longer than the instance applying it
	 * takes, its retries included; an announcement never applied (dead-lettered) stops mattering then.
	 */
	private static final Duration ANNOUNCEMENT_LIFETIME = Duration.ofMinutes(5);

	/** Announcements remembered at most (about 100 bytes each), so that a large sync cannot exhaust the heap. */
	private static final long MAX_ANNOUNCEMENTS = 100_000;

	private final ExecutorService loads = Executors.newVirtualThreadPerTaskExecutor();

	private final AsyncLoadingCache<ImageKey, NodeImage> cache;

	/** The latest node state {@code pricebook.changed} announced, by node, for {@link #ANNOUNCEMENT_LIFETIME}. */
	private final Cache<ImageKey, NodeRef> announcements = Caffeine.newBuilder()
		.expireAfterWrite(ANNOUNCEMENT_LIFETIME)
		.maximumSize(MAX_ANNOUNCEMENTS)
		.build();

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
			.buildAsync((key, executor) -> CompletableFuture.supplyAsync(() -> loader.load(key), executor));
		CaffeineCacheMetrics.monitor(meters, cache, "pricebook-images");
	}

	/**
	 * The image of node {@code stId} of the tenant, asked as {@code kind}.
	 *
	 * @return empty when the node is unknown, of the other kind, has no image, or ServiceTitan has none
	 * @throws UpstreamImageException when ServiceTitan's answer cannot be used
	 */
	public Optional<NodeImage> get(Tenant tenant, NodeKind kind, long stId) {
		return Optional.ofNullable(load(new ImageKey(tenant, stId))).filter(found -> kind.matches(found.depth()));
	}

	/** Loads the node's image into memory (and the database) unless it is there; waits for the load. */
	void prefetch(Tenant tenant, long stId) {
		load(new ImageKey(tenant, stId));
	}

	/**
	 * Takes note of a node's state as a {@code pricebook.changed} event announced it, on every instance:
	 * drops the node's image from memory unless it shows that depth and path. Until the database shows the
	 * announced state (the instance that applies the change may not have committed yet), an image loaded with
	 * another one is served but not kept in memory, where it would stay for {@code lazi.image.cache.max-age}.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (tenant mismatch, missing fields,
	 *         negative depth), as {@link NodeImageUpdates#apply} refuses it
	 */
	public void announced(ReceivedEvent<CategoryChanged> event) {

		var changed = event.verified().payload();
		if (changed.depth() < 0) {
			throw new IllegalArgumentException("Event " + event.id() + " has negative depth " + changed.depth());
		}
		var key = new ImageKey(new Tenant(changed.tenantId()), changed.stId());
		var state = NodeRef.of(changed);
		announcements.put(key, state);
		var entry = cache.getIfPresent(key);
		// A load still running is checked when it completes (load); dropping it would start a second one.
		if (entry != null && entry.isDone() && !entry.isCompletedExceptionally()) {
			var image = entry.join();
			if (image != null && !shows(state, image)) {
				cache.asMap().remove(key, entry);
			}
		}
	}

	/**
	 * Drops every image from memory: those loaded before this instance followed {@code pricebook.changed}
	 * may show a state a change has since replaced.
	 */
	public void dropAll() {
		cache.synchronous().invalidateAll();
	}

	private @Nullable NodeImage load(ImageKey key) {

		var entry = cache.get(key);
		NodeImage image;
		try {
			image = entry.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		var announced = announcements.getIfPresent(key);
		if (image != null && announced != null && !shows(announced, image)) {
			// Read before the announced change was committed: right for this request, stale for the next ones.
			cache.asMap().remove(key, entry);
		}
		return image;
	}

	private static boolean shows(NodeRef state, NodeImage image) {
		return state.depth() == image.depth() && Objects.equals(state.imagePath(), image.path());
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
