package io.lazi.stingest.sync.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.sync.SyncAlreadyRunningException;
import io.lazi.stingest.sync.SyncResource;
import io.lazi.stingest.sync.SyncTrigger;
import io.lazi.stingest.sync.Syncs;

/**
 * The syncs of every resource for the caller's tenant ({@code X-Tenant-ID}), at
 * {@code /api/sync/{apiPath}} of each resource (one or two path segments, e.g. {@code pricebook},
 * {@code pricebook/skus}, {@code crm}, {@code dispatch}). An unknown resource, a tenant without ServiceTitan
 * credentials and another tenant's run answer 404. A second segment is never {@code runs}, so that
 * {@code /api/sync/{area}/runs/{id}} has one meaning. Other services start syncs through the same
 * handlers at {@code /internal/sync/...} with a service token of scope {@code internal:sync} (the
 * platform's access rules open only {@code POST} there), still for the tenant of {@code X-Tenant-ID}.
 */
@Tag(name = "Syncs", description = "Pulls of one resource from ServiceTitan: `area` and optional `part` name it (`pricebook`, `pricebook/skus`, `crm`, `dispatch`, …); an unknown resource answers 404.")
@RestController
@RequestMapping({ "/api/sync/{area}", "/api/sync/{area}/{part:(?!runs$).+}", "/internal/sync/{area}",
		"/internal/sync/{area}/{part:(?!runs$).+}" })
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncController {

	private static final int MAX_PAGE_SIZE = 200;

	private final Syncs syncs;

	/** Starts a full pull: 202 with the run id and where to follow it; 409 when one is running. */
	@Operation(summary = "Start a full sync", operationId = "startFullSync",
			responses = @ApiResponse(responseCode = "202", description = "Accepted: the run id and where to follow it."),
			description = "202 with the run id and where to follow it; 409 while a run of the resource is going on.")
	@PostMapping("/full")
	ResponseEntity<Accepted> full(Tenant tenant, @PathVariable String area, @PathVariable(required = false) @Nullable String part) {
		return start(resource(area, part), tenant, SyncType.FULL);
	}

	/** Starts an incremental pull from the cursors: 202 as for {@link #full}. */
	@Operation(summary = "Start an incremental sync", operationId = "startIncrementalSync",
			responses = @ApiResponse(responseCode = "202", description = "Accepted: the run id and where to follow it."),
			description = "From the resource's cursors (`modifiedOnOrAfter`); 202 as for a full sync.")
	@PostMapping("/incremental")
	ResponseEntity<Accepted> incremental(Tenant tenant, @PathVariable String area,
			@PathVariable(required = false) @Nullable String part) {
		return start(resource(area, part), tenant, SyncType.INCREMENTAL);
	}

	@Operation(summary = "Read a resource's sync status", operationId = "syncStatus",
			description = "The last run and the cursor the next incremental run starts from.")
	@GetMapping("/status")
	Status status(Tenant tenant, @PathVariable String area, @PathVariable(required = false) @Nullable String part) {

		var resource = resource(area, part);
		configured(tenant);
		return new Status(tenant.id(), syncs.running(resource, tenant).map(RunView::of).orElse(null),
				syncs.lastRun(resource, tenant).map(RunView::of).orElse(null),
				syncs.lastCompleted(resource, tenant).map(RunView::of).orElse(null),
				syncs.nextModifiedOnOrAfter(resource, tenant).orElse(null));
	}

	@Operation(operationId = "syncRun", summary = "Read one sync run")
	@GetMapping("/runs/{id}")
	RunView run(Tenant tenant, @PathVariable String area, @PathVariable(required = false) @Nullable String part, @PathVariable UUID id) {

		var resource = resource(area, part);
		configured(tenant);
		return syncs.run(resource, tenant, id).map(RunView::of).orElseThrow(() -> new ResourceNotFoundException("Sync run", id));
	}

	/** The run log, newest first: {@code page} from 0, {@code size} 1..200. */
	@Operation(summary = "List the sync runs, newest first", operationId = "syncRuns", description = "`page` from 0, `size` 1 to 200.")
	@GetMapping("/logs")
	Page<RunView> logs(Tenant tenant, @PathVariable String area, @PathVariable(required = false) @Nullable String part,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {

		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or greater");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		var resource = resource(area, part);
		configured(tenant);
		var request = new PageRequest(page, size);
		var items = syncs.log(resource, tenant, request).stream().map(RunView::of).toList();
		return Page.of(items, request, syncs.logSize(resource, tenant));
	}

	@ExceptionHandler(SyncAlreadyRunningException.class)
	ProblemDetail alreadyRunning(SyncAlreadyRunningException ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Sync already running");
		problem.setProperty("syncRunId", ex.runningRunId());
		problem.setProperty("statusUrl", statusUrl(ex.resource(), ex.runningRunId()));
		return problem;
	}

	private ResponseEntity<Accepted> start(SyncResource resource, Tenant tenant, SyncType type) {

		configured(tenant);
		var run = syncs.start(resource, tenant, type, SyncTrigger.MANUAL);
		var location = statusUrl(resource, run.id());
		return ResponseEntity.accepted()
			.location(URI.create(location))
			.body(new Accepted(run.id(), run.status(), run.syncType(), location));
	}

	private SyncResource resource(String area, @Nullable String part) {

		var apiPath = part == null ? area : area + "/" + part;
		return syncs.byApiPath(apiPath).orElseThrow(() -> new ResourceNotFoundException("Sync resource", apiPath));
	}

	private void configured(Tenant tenant) {

		if (!syncs.serves(tenant)) {
			throw new ResourceNotFoundException("ServiceTitan tenant", tenant);
		}
	}

	private static String statusUrl(SyncResource resource, UUID id) {
		return "/api/sync/" + resource.apiPath() + "/runs/" + id;
	}

	record Accepted(UUID syncRunId, SyncStatus status, SyncType syncType, String statusUrl) {
	}

	/**
	 * @param cursor the {@code modifiedOnOrAfter} the next incremental pull sends for the resource's status
	 * cursor, null before the first sync
	 */
	record Status(String tenantId, @Nullable RunView running, @Nullable RunView lastRun, @Nullable RunView lastCompleted,
			@Nullable Instant cursor) {
	}

}
