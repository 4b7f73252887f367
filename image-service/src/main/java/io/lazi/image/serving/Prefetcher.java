package io.lazi.image.serving;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.lazi.platform.web.Tenant;

/**
 * Loads node images in the background after {@code pricebook.changed}, at most
 * {@code lazi.image.prefetch.concurrency} at a time so that prefetching takes only a share of the
 * tenant's ServiceTitan budget (st-ingest enforces the budget itself). A failed prefetch is logged;
 * the image is fetched again when first asked for.
 */
@Component
class Prefetcher implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(Prefetcher.class);

	private final PricebookImages images;

	private final Semaphore permits;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	Prefetcher(PricebookImages images, ServingProperties properties) {
		this.images = images;
		this.permits = new Semaphore(properties.prefetch().concurrency(), true);
	}

	void prefetch(Tenant tenant, long stId) {

		threads.submit(() -> {
			try {
				permits.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				images.prefetch(tenant, stId);
			}
			catch (RuntimeException ex) {
				LOG.warn("Prefetch of the image of node {} of tenant {} failed: {}", stId, tenant, ex.getMessage());
			}
			finally {
				permits.release();
			}
		});
	}

	@Override
	public void destroy() {
		threads.shutdownNow();
	}
}
