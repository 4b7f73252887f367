package io.lazi.stingest.pricebook.sku.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.pricebook.SyncRun;
import io.lazi.stingest.pricebook.SyncTrigger;
import io.lazi.stingest.pricebook.sku.SkuSync;
import io.lazi.stingest.pricebook.sku.SkuSyncAlreadyRunningException;

/**
 * SKU syncs of the caller's tenant ({@code X-Tenant-ID}), shaped like the pricebook sync API; a tenant
 * without ServiceTitan credentials answers 404, another tenant's run answers 404. A run's
 * {@code rootCount} is the number of SKUs it published; the category-specific counts stay 0.
 */
@RestController
@RequestMapping("/api/sync/pricebook/skus")
class SkuSyncController {

	private final SkuSync sync;

	SkuSyncController(SkuSync sync) {
		this.sync = sync;
	}

	/** Starts a full pull: 202 with the run id and where to follow it; 409 when one is running. */
	@PostMapping("/full")
	ResponseEntity<Accepted> full(Tenant tenant) {
		return start(tenant, SyncType.FULL);
	}

	/** Starts an incremental pull from each list's cursor: 202 as for {@link #full}. */
	@PostMapping("/incremental")
	ResponseEntity<Accepted> incremental(Tenant tenant) {
		return start(tenant, SyncType.INCREMENTAL);
	}

	@GetMapping("/status")
	Status status(Tenant tenant) {

		var id = configured(tenant);
		return new Status(id, sync.running(id).map(RunView::of).orElse(null),
				sync.lastRun(id).map(RunView::of).orElse(null), sync.lastCompleted(id).map(RunView::of).orElse(null),
				sync.nextModifiedOnOrAfter(id).orElse(null));
	}

	@GetMapping("/runs/{id}")
	RunView run(Tenant tenant, @PathVariable UUID id) {
		return sync.run(configured(tenant), id).map(RunView::of).orElseThrow(() -> new ResourceNotFoundException("Sync run", id));
	}

	@ExceptionHandler(SkuSyncAlreadyRunningException.class)
	ProblemDetail alreadyRunning(SkuSyncAlreadyRunningException ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Sync already running");
		problem.setProperty("syncRunId", ex.runningRunId());
		problem.setProperty("statusUrl", statusUrl(ex.runningRunId()));
		return problem;
	}

	private ResponseEntity<Accepted> start(Tenant tenant, SyncType type) {

		var run = sync.start(configured(tenant), type, SyncTrigger.MANUAL);
		var location = statusUrl(run.id());
		return ResponseEntity.accepted()
			.location(URI.create(location))
			.body(new Accepted(run.id(), run.status(), run.syncType(), location));
	}

	private String configured(Tenant tenant) {

		if (!sync.serves(tenant.id())) {
			throw new ResourceNotFoundException("ServiceTitan tenant", tenant.id());
		}
		return tenant.id();
	}

	private static String statusUrl(UUID id) {
		return "/api/sync/pricebook/skus/runs/" + id;
	}

	record Accepted(UUID syncRunId, SyncStatus status, SyncType syncType, String statusUrl) {
	}

	/** @param cursor the services' {@code modifiedOnOrAfter} of the next incremental pull, null before the first sync */
	record Status(String tenantId, @Nullable RunView running, @Nullable RunView lastRun, @Nullable RunView lastCompleted,
			@Nullable Instant cursor) {
	}

	/** A sync run as the API shows it, the same shape as the pricebook's; {@code rootCount} = SKUs published. */
	record RunView(UUID syncRunId, SyncType syncType, SyncStatus status, SyncTrigger trigger, Instant startedAt,
			@Nullable Instant finishedAt, @Nullable Long durationMs, int rootCount, int subcategoryCount,
			int imagesFetched, int stCalls, int rateLimited, @Nullable String error) {

		static RunView of(SyncRun run) {
			return new RunView(run.id(), run.syncType(), run.status(), run.trigger(), run.startedAt(), run.finishedAt(),
					run.durationMs(), run.rootCount(), run.subcategoryCount(), run.imagesFetched(), run.stCalls(),
					run.rateLimited(), run.error());
		}
	}
}
