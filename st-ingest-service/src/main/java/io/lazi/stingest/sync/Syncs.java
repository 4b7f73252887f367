package io.lazi.stingest.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.sync.persistence.SyncCursorRepository;
import io.lazi.stingest.sync.persistence.SyncRunRepository;

/**
 * The syncs of every resource ({@link ResourcePull} bean) for the configured tenants: starts full and
 * incremental runs (one running per tenant and resource), runs their pulls on virtual threads, starts
 * the resources that follow a completed run, and answers status and history.
 */
@Service
public class Syncs implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(Syncs.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private final ServiceTitanClient client;

	private final Map<String, ResourcePull> pulls;

	private final SyncLedger ledger;

	private final SyncRunRepository runs;

	private final SyncCursorRepository cursors;

	private final Clock clock = Clock.systemUTC();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	Syncs(ServiceTitanClient client, List<ResourcePull> pulls, SyncLedger ledger, SyncRunRepository runs,
			SyncCursorRepository cursors) {
		this.client = client;
		this.pulls = pulls.stream().collect(Collectors.toMap(pull -> pull.resource().name(), Function.identity()));
		var apiPaths = pulls.stream().map(pull -> pull.resource().apiPath()).distinct().count();
		if (apiPaths < pulls.size()) {
			throw new IllegalStateException("Two sync resources share an API path: " + resources());
		}
		this.ledger = ledger;
		this.runs = runs;
		this.cursors = cursors;
	}

	/** Every resource st-ingest syncs. */
	public Collection<SyncResource> resources() {
		return pulls.values().stream().map(ResourcePull::resource).toList();
	}

	/** The resource whose REST API lives at {@code /api/sync/{apiPath}}. */
	public Optional<SyncResource> byApiPath(String apiPath) {
		return resources().stream().filter(resource -> resource.apiPath().equals(apiPath)).findFirst();
	}

	/** The tenants st-ingest syncs. */
	public Set<Tenant> tenants() {
		return client.tenants().stream().map(Tenant::new).collect(Collectors.toUnmodifiableSet());
	}

	/** Whether {@code tenant} is configured. */
	public boolean serves(Tenant tenant) {
		return client.serves(tenant.id());
	}

	/**
	 * Records a running run and starts its pull in the background.
	 *
	 * @throws SyncAlreadyRunningException when a sync of the resource is running for the tenant
	 * @throws IllegalArgumentException when the tenant is not configured
	 */
	public SyncRun start(SyncResource resource, Tenant tenant, SyncType type, SyncTrigger trigger) {

		if (!serves(tenant)) {
			throw new IllegalArgumentException("Tenant " + tenant + " is not configured");
		}
		var pull = pull(resource.name());
		var run = ledger.start(pull.resource(), tenant, type, trigger, clock.instant());
		LOG.info("{} {} sync {} of tenant {} started ({})", resource.label(), type, run.id(), tenant, trigger);
		executor.execute(() -> execute(pull, run));
		return run;
	}

	/** One run of the resource and tenant; another tenant's or resource's run is absent. */
	public Optional<SyncRun> run(SyncResource resource, Tenant tenant, UUID id) {
		return runs.find(tenant, resource.name(), id);
	}

	public Optional<SyncRun> running(SyncResource resource, Tenant tenant) {
		return runs.running(tenant, resource.name());
	}

	public Optional<SyncRun> lastRun(SyncResource resource, Tenant tenant) {
		return runs.latest(tenant, resource.name(), null);
	}

	public Optional<SyncRun> lastCompleted(SyncResource resource, Tenant tenant) {
		return runs.latest(tenant, resource.name(), SyncStatus.COMPLETED);
	}

	/**
	 * The {@code modifiedOnOrAfter} the next incremental pull sends for the resource's
	 * {@link SyncResource#statusCursor()}; empty before the first sync.
	 */
	public Optional<Instant> nextModifiedOnOrAfter(SyncResource resource, Tenant tenant) {
		return cursors.cursor(tenant, resource.statusCursor()).modifiedOnOrAfter(resource.incrementalOverlap());
	}

	/** One page (0-based) of the tenant's runs of the resource, newest first. */
	public List<SyncRun> log(SyncResource resource, Tenant tenant, PageRequest page) {
		return runs.page(tenant, resource.name(), page);
	}

	public int logSize(SyncResource resource, Tenant tenant) {
		return runs.count(tenant, resource.name());
	}

	private ResourcePull pull(String resource) {

		var pull = pulls.get(resource);
		if (pull == null) {
			throw new IllegalArgumentException("No sync resource " + resource);
		}
		return pull;
	}

	private void execute(ResourcePull pull, SyncRun run) {

		var resource = pull.resource();
		var counts = new CallCounts();
		try {
			var context = new PullRun(run, counts, cursor -> cursors.cursor(run.tenant(), cursor),
					resource.incrementalOverlap(), clock);
			var result = pull.pull(context);
			var done = ledger.complete(run, pull, result, counts.calls(), counts.rateLimitedCount(), clock.instant());
			LOG.info("{} {} sync {} of tenant {} completed: {} records, {} subcategories, {} images fetched, "
					+ "{} ServiceTitan calls, {} rate limited, {} ms", resource.label(), run.syncType(), run.id(),
					run.tenantId(), done.rootCount(), done.subcategoryCount(), done.imagesFetched(), done.stCalls(),
					done.rateLimited(), done.durationMs());
			followUp(done);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail(run, counts, "Interrupted: st-ingest-service is shutting down");
		}
		catch (RuntimeException ex) {
			LOG.warn("{} {} sync {} of tenant {} failed", resource.label(), run.syncType(), run.id(), run.tenantId(), ex);
			fail(run, counts, describe(ex));
		}
	}

	/**
	 * Starts the resources that follow the completed run's; a follow-up that cannot start never turns
	 * the completed run into a failed one.
	 */
	private void followUp(SyncRun done) {

		for (var next : resources()) {
			if (!done.resource().equals(next.after())) {
				continue;
			}
			try {
				start(next, done.tenant(), done.syncType(), done.trigger());
			}
			catch (SyncAlreadyRunningException ex) {
				LOG.info("{} sync after {} run {} of tenant {} skipped: run {} is still running", next.label(),
						done.resource(), done.id(), done.tenantId(), ex.runningRunId());
			}
			catch (RuntimeException ex) {
				LOG.error("{} sync after {} run {} of tenant {} could not start", next.label(), done.resource(), done.id(),
						done.tenantId(), ex);
			}
		}
	}

	private void fail(SyncRun run, CallCounts counts, String error) {

		try {
			ledger.fail(run, counts.calls(), counts.rateLimitedCount(), error, clock.instant());
		}
		catch (RuntimeException ex) {
			LOG.error("Could not record the failure of {} sync {} of tenant {}; it stays RUNNING until the next start",
					run.resource(), run.id(), run.tenantId(), ex);
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
