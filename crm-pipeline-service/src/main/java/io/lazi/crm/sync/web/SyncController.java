package io.lazi.crm.sync.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.crm.sync.SyncLogEntry;
import io.lazi.crm.sync.SyncRuns;
import io.lazi.crm.sync.SyncTrigger;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.Tenant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Starts CRM syncs and shows the sync log under {@code /api/crm/sync}. */
@Tag(name = "CRM sync", description = "Runs of the CRM sync (ServiceTitan's customers, jobs, appointments and estimates through st-ingest).")
@RestController
@RequestMapping("/api/crm/sync")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncController {

	private final SyncTrigger trigger;

	private final SyncRuns runs;

	/** 202 with st-ingest's run id; the run's progress shows in {@code /api/crm/sync/status}. */
	@Operation(summary = "Start a CRM sync",
			responses = @ApiResponse(responseCode = "202", description = "Accepted: st-ingest's run id."),
			description = "202 with st-ingest's run id; its progress shows in `GET /api/crm/sync/status`.")
	@PostMapping("/trigger")
	ResponseEntity<SyncTrigger.Accepted> trigger(Tenant tenant) {

		var accepted = trigger.trigger(tenant);
		return ResponseEntity.accepted()
			.body(new SyncTrigger.Accepted(accepted.syncRunId(), accepted.status(), accepted.syncType(),
					"/api/crm/sync/status"));
	}

	/** The latest runs, newest first. */
	@Operation(summary = "List the latest CRM sync runs", description = "Newest first; `limit` 1 to 200.")
	@GetMapping("/status")
	Status status(Tenant tenant, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
		var recent = runs.recent(tenant, limit);
		return new Status(recent.isEmpty() ? null : recent.getFirst(), recent);
	}

	/** 409 with the running run's id, like st-ingest's own answer. */
	@ExceptionHandler(SyncTrigger.SyncAlreadyRunning.class)
	ProblemDetail alreadyRunning(SyncTrigger.SyncAlreadyRunning ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Sync already running");
		problem.setProperty("syncRunId", ex.syncRunId());
		problem.setProperty("statusUrl", "/api/crm/sync/status");
		return problem;
	}

	@ExceptionHandler(SyncTrigger.StIngestUnavailable.class)
	ProblemDetail unavailable(SyncTrigger.StIngestUnavailable ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setType(java.net.URI.create("https://lazi.io/problems/upstream-unavailable"));
		problem.setTitle("st-ingest unavailable");
		return problem;
	}

	/** @param lastRun the newest run, {@code null} before the first */
	record Status(@org.jspecify.annotations.Nullable SyncLogEntry lastRun, List<SyncLogEntry> runs) {
	}
}
