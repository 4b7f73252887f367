package io.lazi.stingest.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.observability.TenantLogContext;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.sync.persistence.SyncCursorRepository;
import io.lazi.stingest.sync.persistence.SyncRunRepository;
import io.micrometer.context.ContextExecutorService;

/**
 * The syncs of every resource ({@link ResourcePull} bean) for the configured tenants: starts full and
 * incremental runs (one running per tenant and resource across all instances), runs their pulls on virtual
 * threads under this instance's lease ({@link RunLeases}), takes over the runs of instances that stopped
 * renewing theirs, starts the resources that follow a completed run, and answers status and history. Every
 * ended run is timed in {@code lazi.sync.runs} ({@link SyncRunMeter}).
 */
@Service
public class Syncs implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(Syncs.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	/**
	 * A run is restarted after its instance was lost (lease expired without a hand-over) only if its lineage
	 * had lost none before: a run that kills its instance (say, out of memory) cannot take every instance
	 * down in turn.
	 */
	static final int MAX_LOST_OWNERS = 1;

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

	/** Expired runs taken over per transaction of a sweep. */
	private static final int SWEEP_BATCH = 50;

	private final ServiceTitanClient client;

	private final Map<String, ResourcePull> pulls;

	private final SyncLedger ledger;

	private final SyncRunRepository runs;

	private final SyncCursorRepository cursors;

	private final RunLeases leases;

	private final SyncRunMeter meter;

	private final Clock clock = Clock.systemUTC();

	/** Runs continue the trace of what started them (a request, a schedule tick), which their events carry on. */
	private final ExecutorService executor = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor());

	private volatile boolean stopping;

	Syncs(ServiceTitanClient client, List<ResourcePull> pulls, SyncLedger ledger, SyncRunRepository runs,
			SyncCursorRepository cursors, RunLeases leases, SyncRunMeter meter) {
		this.client = client;
		this.pulls = pulls.stream().collect(Collectors.toMap(pull -> pull.resource().name(), Function.identity()));
		var apiPaths = pulls.stream().map(pull -> pull.resource().apiPath()).distinct().count();
		if (apiPaths < pulls.size()) {
			throw new IllegalStateException("Two sync resources share an API path: " + resources());
		}
		this.ledger = ledger;
		this.runs = runs;
		this.cursors = cursors;
		this.leases = leases;
		this.meter = meter;
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
		var run = ledger.start(pull.resource(), tenant, type, trigger, clock.instant(), leases.owner());
		LOG.info("{} {} sync {} of tenant {} started ({}) on {}", resource.label(), type, run.id(), tenant, trigger,
				leases.owner().instanceId());
		launch(pull, run);
		return run;
	}

	/**
	 * Takes over every run whose lease has expired: fails it with the reason and, when this instance syncs
	 * its resource and tenant and its lineage has not lost an instance before ({@link #MAX_LOST_OWNERS}),
	 * restarts it here from the stored cursors. A run whose owner still renews its lease is never touched.
	 * Does nothing once this instance is stopping.
	 *
	 * @return the runs taken over
	 */
	List<SyncLedger.TakeOver> takeOverExpired() {

		if (stopping) {
			// Leave them to the instances that go on.
			return List.of();
		}
		var all = new ArrayList<SyncLedger.TakeOver>();
		List<SyncLedger.TakeOver> batch;
		do {
			batch = ledger.takeOverExpired(leases.owner(), this::refusal, SWEEP_BATCH, clock.instant());
			for (var taken : batch) {
				var failed = taken.failed();
				meter.ended(failed);
				var restart = taken.restart();
				if (restart == null) {
					LOG.warn("{} sync {} of tenant {} marked FAILED: {}", failed.resource(), failed.id(),
							failed.tenantId(), failed.error());
					continue;
				}
				LOG.warn("{} sync {} of tenant {} taken over as run {}: {}", failed.resource(), failed.id(),
						failed.tenantId(), restart.id(), failed.error());
				launch(pull(restart.resource()), restart);
			}
			all.addAll(batch);
		}
		while (batch.size() == SWEEP_BATCH);
		return all;
	}

	private @Nullable String refusal(ExpiredRun expired) {

		var run = expired.run();
		if (!pulls.containsKey(run.resource())) {
			return "instance " + leases.owner().instanceId() + " does not sync resource " + run.resource();
		}
		if (!serves(run.tenant())) {
			return "tenant " + run.tenantId() + " is not configured on instance " + leases.owner().instanceId();
		}
		if (expired.lostOwnersAfter() > MAX_LOST_OWNERS) {
			return "it restarts a run whose instance was lost already";
		}
		return null;
	}

	private void launch(ResourcePull pull, SyncRun run) {

		var lease = leases.hold(run);
		try {
			executor.execute(() -> {
				try (var tenant = TenantLogContext.open(run.tenantId())) {
					execute(pull, run, lease);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Stopping: the run was recorded just now; the other instances restart it.
			leases.handOver(run);
		}
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

	private void execute(ResourcePull pull, SyncRun run, RunLeases.Lease lease) {

		var resource = pull.resource();
		var counts = new CallCounts();
		lease.pullOn(Thread.currentThread());
		try {
			PullResult result;
			try {
				result = pull.pull(new PullRun(run, counts, cursor -> cursors.cursor(run.tenant(), cursor),
						resource.incrementalOverlap(), clock));
			}
			catch (InterruptedException | RuntimeException ex) {
				if (lease.pullEnded()) {
					LOG.warn("{} {} sync {} of tenant {} stopped: another instance took it over", resource.label(),
							run.syncType(), run.id(), run.tenantId());
				}
				else if (stopping) {
					// Interrupted by the shutdown, however the pull reported it: another instance restarts it.
					leases.handOver(run);
				}
				else if (ex instanceof RuntimeException failure) {
					LOG.warn("{} {} sync {} of tenant {} failed", resource.label(), run.syncType(), run.id(),
							run.tenantId(), failure);
					fail(run, counts, describe(failure));
				}
				else {
					fail(run, counts, "Interrupted");
				}
				return;
			}
			if (lease.pullEnded()) {
				LOG.warn("{} {} sync {} of tenant {} pulled everything after another instance took it over; "
						+ "not recorded", resource.label(), run.syncType(), run.id(), run.tenantId());
				return;
			}
			complete(pull, run, result, counts);
		}
		finally {
			leases.end(run);
		}
	}

	private void complete(ResourcePull pull, SyncRun run, PullResult result, CallCounts counts) {

		var resource = pull.resource();
		SyncRun done;
		try {
			done = ledger.complete(run, pull, result, counts.calls(), counts.rateLimitedCount(), clock.instant(),
					leases.owner());
		}
		catch (RunTakenOverException ex) {
			LOG.warn("{}; its completion is not recorded", ex.getMessage());
			return;
		}
		catch (RuntimeException ex) {
			LOG.warn("{} {} sync {} of tenant {} could not record its completion", resource.label(), run.syncType(),
					run.id(), run.tenantId(), ex);
			fail(run, counts, describe(ex));
			return;
		}
		meter.ended(done);
		LOG.info("{} {} sync {} of tenant {} completed: {} records, {} subcategories, {} images fetched, "
				+ "{} ServiceTitan calls, {} rate limited, {} ms", resource.label(), run.syncType(), run.id(),
				run.tenantId(), done.rootCount(), done.subcategoryCount(), done.imagesFetched(), done.stCalls(),
				done.rateLimited(), done.durationMs());
		followUp(done);
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
			meter.ended(ledger.fail(run, counts.calls(), counts.rateLimitedCount(), error, clock.instant(), leases.owner()));
		}
		catch (RunTakenOverException ex) {
			LOG.warn("{}; its failure is not recorded", ex.getMessage());
		}
		catch (RuntimeException ex) {
			LOG.error("Could not record the failure of {} sync {} of tenant {}; it stays RUNNING until its lease "
					+ "expires and an instance takes it over", run.resource(), run.id(), run.tenantId(), ex);
		}
	}

	private static String describe(RuntimeException ex) {

		var message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		var line = message.replaceAll("\\s+", " ").trim();
		return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) + "…" : line;
	}

	/**
	 * Gives running pulls 10 s to finish, then interrupts them and hands their runs over: another instance
	 * restarts each at its next sweep (this one's sweeps restart nothing from now on).
	 */
	@Override
	public void destroy() throws InterruptedException {
		stop(SHUTDOWN_GRACE);
	}

	/** As {@link #destroy()}, with {@code grace} for the pulls to finish. */
	void stop(Duration grace) throws InterruptedException {

		stopping = true;
		executor.shutdown();
		if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
			LOG.warn("Running syncs did not finish within {} of shutdown; interrupting them and handing them over",
					grace);
			executor.shutdownNow();
			if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
				LOG.warn("Running syncs did not stop within 5 s of their interruption");
			}
		}
	}
}
