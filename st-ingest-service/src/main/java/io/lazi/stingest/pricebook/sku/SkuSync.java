package io.lazi.stingest.pricebook.sku;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.stingest.pricebook.CategoriesRunCompleted;
import io.lazi.stingest.pricebook.SyncCursor;
import io.lazi.stingest.pricebook.SyncRun;
import io.lazi.stingest.pricebook.SyncTrigger;
import io.lazi.stingest.pricebook.persistence.CategoryStateRepository;
import io.lazi.stingest.pricebook.persistence.SyncRunRepository;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;

/**
 * SKU syncs (resource {@code pricebook.skus}) of the configured tenants: one running per tenant, on
 * virtual threads. A run starts after each completed {@code pricebook.categories} run (same type and
 * trigger; skipped when a SKU run of the tenant is still running) and on demand.
 */
@Service
public class SkuSync implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(SkuSync.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private final ServiceTitanClient client;

	private final SkuProperties properties;

	private final SkuLedger ledger;

	private final SyncRunRepository runs;

	private final CategoryStateRepository cursors;

	private final Clock clock = Clock.systemUTC();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	SkuSync(ServiceTitanClient client, SkuProperties properties, SkuLedger ledger, SyncRunRepository runs,
			CategoryStateRepository cursors) {
		this.client = client;
		this.properties = properties;
		this.ledger = ledger;
		this.runs = runs;
		this.cursors = cursors;
	}

	/** Whether {@code tenantId} is configured. */
	public boolean serves(String tenantId) {
		return client.serves(tenantId);
	}

	/**
	 * Records a running run and starts its pull in the background.
	 *
	 * @throws SkuSyncAlreadyRunningException when a SKU sync of the tenant is running
	 * @throws IllegalArgumentException when the tenant is not configured
	 */
	public SyncRun start(String tenantId, SyncType type, SyncTrigger trigger) {

		if (!serves(tenantId)) {
			throw new IllegalArgumentException("Tenant " + tenantId + " is not configured");
		}
		var run = ledger.start(tenantId, type, trigger, clock.instant());
		LOG.info("SKU {} sync {} of tenant {} started ({})", type, run.id(), tenantId, trigger);
		executor.execute(() -> execute(run));
		return run;
	}

	@EventListener
	void afterCategories(CategoriesRunCompleted completed) {

		var categories = completed.run();
		if (!properties.afterCategories()) {
			return;
		}
		try {
			start(categories.tenantId(), categories.syncType(), categories.trigger());
		}
		catch (SkuSyncAlreadyRunningException ex) {
			LOG.info("SKU sync after categories run {} of tenant {} skipped: run {} is still running", categories.id(),
					categories.tenantId(), ex.runningRunId());
		}
	}

	public Optional<SyncRun> run(String tenantId, UUID id) {
		return runs.find(tenantId, SkuLedger.RESOURCE, id);
	}

	public Optional<SyncRun> running(String tenantId) {
		return runs.running(tenantId, SkuLedger.RESOURCE);
	}

	public Optional<SyncRun> lastRun(String tenantId) {
		return runs.latest(tenantId, SkuLedger.RESOURCE, null);
	}

	public Optional<SyncRun> lastCompleted(String tenantId) {
		return runs.latest(tenantId, SkuLedger.RESOURCE, SyncStatus.COMPLETED);
	}

	/** The {@code modifiedOnOrAfter} the next incremental pull sends for services; empty before the first sync. */
	public Optional<Instant> nextModifiedOnOrAfter(String tenantId) {
		return cursor(tenantId, SkuFeed.SERVICES.cursorResource()).modifiedOnOrAfter(properties.incrementalOverlap());
	}

	private SyncCursor cursor(String tenantId, String resource) {
		return new SyncCursor(cursors.cursor(tenantId, resource).orElse(null));
	}

	private void execute(SyncRun run) {

		var counts = new CallCounts();
		try {
			var result = new SkuPull(client, ledger, clock, run, counts).pull(resource -> cursor(run.tenantId(), resource),
					properties.incrementalOverlap(), properties.pageSize());
			var done = ledger.complete(run, result.total(), result.newest(), counts.calls(), counts.rateLimitedCount(),
					clock.instant());
			LOG.info("SKU {} sync {} of tenant {} completed: {} ({} in all), {} ServiceTitan calls, {} rate limited, {} ms",
					run.syncType(), run.id(), run.tenantId(), result.published(), done.rootCount(), done.stCalls(),
					done.rateLimited(), done.durationMs());
		}
		catch (RuntimeException ex) {
			LOG.warn("SKU {} sync {} of tenant {} failed", run.syncType(), run.id(), run.tenantId(), ex);
			fail(run, counts, describe(ex));
		}
	}

	private void fail(SyncRun run, CallCounts counts, String error) {

		try {
			ledger.fail(run, counts.calls(), counts.rateLimitedCount(), error, clock.instant());
		}
		catch (RuntimeException ex) {
			LOG.error("Could not record the failure of SKU sync {} of tenant {}; it stays RUNNING until the next start",
					run.id(), run.tenantId(), ex);
		}
	}

	private static String describe(RuntimeException ex) {

		var message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		var line = message.replaceAll("\\s+", " ").trim();
		return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) + "…" : line;
	}

	@Override
	public void destroy() throws InterruptedException {

		executor.shutdown();
		if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
			LOG.warn("Running SKU syncs did not finish within 10 s of shutdown; interrupting them");
			executor.shutdownNow();
		}
	}
}
