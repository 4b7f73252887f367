package io.lazi.stingest.pricebook.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.events.SyncStatus;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.pricebook.PricebookSync;
import io.lazi.stingest.pricebook.SyncAlreadyRunningException;
import io.lazi.stingest.pricebook.SyncTrigger;

/**
 * Pricebook syncs of the caller's tenant ({@code X-Tenant-ID}); a tenant without ServiceTitan
 * credentials answers 404, another tenant's run answers 404.
 */
@RestController
@RequestMapping("/api/sync/pricebook")
class PricebookSyncController {

	private static final int MAX_PAGE_SIZE = 200;

	private final PricebookSync sync;

	PricebookSyncController(PricebookSync sync) {
		this.sync = sync;
	}

	/** Starts a full pull: 202 with the run id and where to follow it; 409 when one is running. */
	@PostMapping("/full")
	ResponseEntity<Accepted> full(Tenant tenant) {
		return start(tenant, SyncType.FULL);
	}

	/** Starts an incremental pull from the cursor: 202 as for {@link #full}. */
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

	/** The run log, newest first: {@code page} from 0, {@code size} 1..200. */
	@GetMapping("/logs")
	LogPage logs(Tenant tenant, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {

		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or greater");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		var id = configured(tenant);
		var total = sync.logSize(id);
		var items = sync.log(id, page, size).stream().map(RunView::of).toList();
		return new LogPage(items, page, size, total, (total + size - 1) / size);
	}

	@ExceptionHandler(SyncAlreadyRunningException.class)
	ProblemDetail alreadyRunning(SyncAlreadyRunningException ex) {

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
		return "/api/sync/pricebook/runs/" + id;
	}

	record Accepted(UUID syncRunId, SyncStatus status, SyncType syncType, String statusUrl) {
	}

	/** @param cursor the {@code modifiedOnOrAfter} the next incremental pull sends, null before the first sync */
	record Status(String tenantId, @Nullable RunView running, @Nullable RunView lastRun, @Nullable RunView lastCompleted,
			@Nullable Instant cursor) {
	}

	record LogPage(List<RunView> items, int page, int size, long totalItems, int totalPages) {
	}
}
