package io.lazi.stingest.pricebook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.stingest.pricebook.persistence.CategoryStateRepository;
import io.lazi.stingest.pricebook.persistence.SyncRunRepository;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.servicetitan.ServiceTitanProperties;

/**
 * Pricebook syncs of the configured tenants: starts full and incremental pulls (one running per
 * tenant), runs them on virtual threads, and answers their status and history. A completed run is
 * announced in-process as {@link CategoriesRunCompleted}, which starts the SKU pull of the same type.
 */
@Service
public class PricebookSync implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(PricebookSync.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private final ServiceTitanClient client;

	private final ServiceTitanProperties serviceTitan;

	private final PricebookProperties properties;

	private final SyncLedger ledger;

	private final SyncRunRepository runs;

	private final CategoryStateRepository state;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	PricebookSync(ServiceTitanClient client, ServiceTitanProperties serviceTitan, PricebookProperties properties,
			SyncLedger ledger, SyncRunRepository runs, CategoryStateRepository state, ApplicationEventPublisher events) {
		this.client = client;
		this.serviceTitan = serviceTitan;
		this.properties = properties;
		this.ledger = ledger;
		this.runs = runs;
		this.state = state;
		this.events = events;
	}

	/** Ids of the tenants st-ingest syncs. */
	public Set<String> tenants() {
		return client.tenants();
	}

	/** Whether {@code tenantId} is configured. */
	public boolean serves(String tenantId) {
		return client.serves(tenantId);
	}

	/**
	 * Records a running run and starts its pull in the background.
	 *
	 * @throws SyncAlreadyRunningException when a pricebook sync of the tenant is running
	 * @throws IllegalArgumentException when the tenant is not configured
	 */
	public SyncRun start(String tenantId, SyncType type, SyncTrigger trigger) {

		if (!serves(tenantId)) {
			throw new IllegalArgumentException("Tenant " + tenantId + " is not configured");
		}
		var run = ledger.start(tenantId, type, trigger, clock.instant());
		LOG.info("Pricebook {} sync {} of tenant {} started ({})", type, run.id(), tenantId, trigger);
		executor.execute(() -> execute(run));
		return run;
	}

	/** One pricebook run of the tenant; another tenant's run, or a CRM run, is absent. */
	public Optional<SyncRun> run(String tenantId, UUID id) {
		return runs.find(tenantId, SyncRun.PRICEBOOK_CATEGORIES, id);
	}

	public Optional<SyncRun> running(String tenantId) {
		return runs.running(tenantId, SyncRun.PRICEBOOK_CATEGORIES);
	}

	public Optional<SyncRun> lastRun(String tenantId) {
		return runs.latest(tenantId, SyncRun.PRICEBOOK_CATEGORIES, null);
	}

	public Optional<SyncRun> lastCompleted(String tenantId) {
		return runs.latest(tenantId, SyncRun.PRICEBOOK_CATEGORIES, SyncStatus.COMPLETED);
	}

	/** The {@code modifiedOnOrAfter} the next incremental pull of the tenant sends; empty before the first sync. */
	public Optional<Instant> nextModifiedOnOrAfter(String tenantId) {
		return cursor(tenantId).modifiedOnOrAfter(properties.incrementalOverlap());
	}

	/** One page (0-based) of the tenant's runs, newest first. */
	public List<SyncRun> log(String tenantId, int page, int size) {
		return runs.page(tenantId, SyncRun.PRICEBOOK_CATEGORIES, page, size);
	}

	public int logSize(String tenantId) {
		return runs.count(tenantId, SyncRun.PRICEBOOK_CATEGORIES);
	}

	private SyncCursor cursor(String tenantId) {
		return new SyncCursor(state.cursor(tenantId, SyncRun.PRICEBOOK_CATEGORIES).orElse(null));
	}

	private void execute(SyncRun run) {

		var counts = new CallCounts();
		try {
			var pull = new CategoryPull(client, ledger, clock, run, counts);
			var result = pull.pull(cursor(run.tenantId()), properties.incrementalOverlap(), state.snapshot(run.tenantId()),
					serviceTitan.imageFetchConcurrency());
			var done = ledger.complete(run, result, counts.calls(), counts.rateLimitedCount(), clock.instant());
			LOG.info("Pricebook {} sync {} of tenant {} completed: {} roots, {} subcategories, {} images fetched, "
					+ "{} ServiceTitan calls, {} rate limited, {} ms", run.syncType(), run.id(), run.tenantId(),
					done.rootCount(), done.subcategoryCount(), done.imagesFetched(), done.stCalls(), done.rateLimited(),
					done.durationMs());
			followUp(done);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail(run, counts, "Interrupted: st-ingest-service is shutting down");
		}
		catch (RuntimeException ex) {
			LOG.warn("Pricebook {} sync {} of tenant {} failed", run.syncType(), run.id(), run.tenantId(), ex);
			fail(run, counts, describe(ex));
		}
	}

	/** Announces the completed run in-process; a failing follow-up never turns the completed run into a failed one. */
	private void followUp(SyncRun done) {

		try {
			events.publishEvent(new CategoriesRunCompleted(done));
		}
		catch (RuntimeException ex) {
			LOG.error("Follow-up of pricebook sync {} of tenant {} could not start", done.id(), done.tenantId(), ex);
		}
	}

	private void fail(SyncRun run, CallCounts counts, String error) {

		try {
			ledger.fail(run, counts.calls(), counts.rateLimitedCount(), error, clock.instant());
		}
		catch (RuntimeException ex) {
			LOG.error("Could not record the failure of sync {} of tenant {}; it stays RUNNING until the next start",
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
			LOG.warn("Running syncs did not finish within 10 s of shutdown; interrupting them");
			executor.shutdownNow();
		}
	}
}
