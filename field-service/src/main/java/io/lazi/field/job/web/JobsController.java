package io.lazi.field.job.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.field.command.SentOrApplied;
import io.lazi.field.command.Written;
import io.lazi.field.job.AppointmentView;
import io.lazi.field.job.Assignment;
import io.lazi.field.job.JobDetail;
import io.lazi.field.job.JobInput;
import io.lazi.field.job.JobView;
import io.lazi.field.job.Jobs;
import io.lazi.field.job.StatusChange;
import io.lazi.platform.events.StJobReason;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.Tenant;

/**
 * Jobs and appointments as the tenant's jobs provider serves them. A write applied here answers 200 (201 for a
 * create) with the job; one sent to ServiceTitan 202 with the pending command. Assigning and unassigning need
 * {@code jobs:assign}; other writes {@code customers:write}. Another tenant's id answers 404, bad input 400 naming
 * the field, a write the job's state forbids 409.
 */
@Tag(name = "Jobs", description = "Jobs with their appointments, technicians and history; appointments.")
@RestController
@RequestMapping("/api/v2")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JobsController {

	private final Jobs jobs;

	@Operation(summary = "List jobs, newest first", description = "Filtered by `customerId`, `locationId`, `technicianId` (actively assigned), `status` (e.g. `Hold`) and `q` (job number, summary) when given.")
	@GetMapping("/jobs")
	Page<JobView> list(Tenant tenant, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable Long locationId,
			@RequestParam(required = false) @Nullable Long technicianId,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String q,
			PageRequest page) {
		return jobs.list(tenant.id(), customerId, locationId, technicianId, status, q, page);
	}

	@Operation(summary = "List a customer's jobs, newest first")
	@GetMapping("/customers/{id}/jobs")
	Page<JobView> ofCustomer(Tenant tenant, @PathVariable long id, PageRequest page) {
		return jobs.list(tenant.id(), id, null, null, null, null, page);
	}

	@Operation(summary = "List a location's jobs, newest first")
	@GetMapping("/locations/{id}/jobs")
	Page<JobView> ofLocation(Tenant tenant, @PathVariable long id, PageRequest page) {
		return jobs.list(tenant.id(), null, id, null, null, null, page);
	}

	@Operation(summary = "List a technician's jobs, newest first")
	@GetMapping("/technicians/{id}/jobs")
	Page<JobView> ofTechnician(Tenant tenant, @PathVariable long id, PageRequest page) {
		return jobs.list(tenant.id(), null, null, id, null, null, page);
	}

	@Operation(summary = "Read a job with its appointments, assignments and history")
	@GetMapping("/jobs/{id}")
	JobDetail get(Tenant tenant, @PathVariable long id) {
		return jobs.get(tenant.id(), id);
	}

	@Operation(summary = "Create a Lazi job with its first appointment", description = "Body `{customerId, locationId, businessUnitId, jobTypeId, priority, summary, start, end}`. Under the `servicetitan` jobs provider jobs are booked in ServiceTitan: 409.")
	@PostMapping("/jobs")
	ResponseEntity<JobDetail> create(Tenant tenant, @RequestBody(required = false) @Nullable JobInput body,
			@AuthenticationPrincipal Jwt user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(jobs.create(tenant.id(), required(body), user.getSubject()));
	}

	@Operation(summary = "Change a job's summary, business unit, job type or priority")
	@SentOrApplied
	@PatchMapping("/jobs/{id}")
	ResponseEntity<Written<JobDetail>> update(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable JobInput body, @AuthenticationPrincipal Jwt user) {
		return answer(jobs.update(tenant.id(), id, required(body), user.getSubject()));
	}

	@Operation(summary = "Change a job's status", description = "Body `{status, reasonId, memo, completedOn}`; `Canceled` and `Hold` need a reason and a memo. A ServiceTitan job can be asked `Canceled`, `Hold` or `Completed`.")
	@SentOrApplied
	@PutMapping("/jobs/{id}/status")
	ResponseEntity<Written<JobDetail>> status(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable StatusChange body, @AuthenticationPrincipal Jwt user) {
		return answer(jobs.changeStatus(tenant.id(), id, required(body), user.getSubject()));
	}

	@Operation(summary = "Cancel a job", description = "Body `{reasonId, memo}`.")
	@SentOrApplied
	@PostMapping("/jobs/{id}/cancel")
	ResponseEntity<Written<JobDetail>> cancel(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable StatusChange body, @AuthenticationPrincipal Jwt user) {
		return answer(jobs.changeStatus(tenant.id(), id, as("Canceled", body), user.getSubject()));
	}

	@Operation(summary = "Put a job on hold", description = "Body `{reasonId, memo}`.")
	@SentOrApplied
	@PostMapping("/jobs/{id}/hold")
	ResponseEntity<Written<JobDetail>> hold(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable StatusChange body, @AuthenticationPrincipal Jwt user) {
		return answer(jobs.changeStatus(tenant.id(), id, as("Hold", body), user.getSubject()));
	}

	@Operation(summary = "Complete a job", description = "Body `{completedOn}`, optional (now).")
	@SentOrApplied
	@PostMapping("/jobs/{id}/complete")
	ResponseEntity<Written<JobDetail>> complete(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable StatusChange body, @AuthenticationPrincipal Jwt user) {
		return answer(jobs.changeStatus(tenant.id(), id, as("Completed", body), user.getSubject()));
	}

	@Operation(summary = "Assign technicians to a job", description = "Body `{technicianIds, appointmentId}`: to the named appointment, else the job's first active one. Needs `jobs:assign`. Technicians already assigned stay assigned.")
	@SentOrApplied
	@PostMapping("/jobs/{id}/technicians")
	ResponseEntity<Written<JobDetail>> assign(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable Assignment body, @AuthenticationPrincipal Jwt user) {
		return answer(jobs.assign(tenant.id(), id, body == null ? new Assignment(null, null) : body, user.getSubject()));
	}

	@Operation(summary = "Unassign technicians from a job", description = "`technicianIds` and optional `appointmentId` as query parameters. Needs `jobs:assign`.")
	@SentOrApplied
	@DeleteMapping("/jobs/{id}/technicians")
	ResponseEntity<Written<JobDetail>> unassign(Tenant tenant, @PathVariable long id,
			@RequestParam(required = false) @Nullable List<Long> technicianIds,
			@RequestParam(required = false) @Nullable Long appointmentId, @AuthenticationPrincipal Jwt user) {
		return answer(jobs.unassign(tenant.id(), id, new Assignment(technicianIds, appointmentId), user.getSubject()));
	}

	@Operation(summary = "List appointments by start", description = "Those ending at or after `from` and starting before `to` (ISO-8601 instants), of `technicianId` (actively assigned) or `jobId`, when given.")
	@GetMapping("/appointments")
	Page<AppointmentView> appointments(Tenant tenant,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Long technicianId,
			@RequestParam(required = false) @Nullable Long jobId, PageRequest page) {
		return jobs.appointments(tenant.id(), from, to, technicianId, jobId, page);
	}

	@Operation(summary = "Read an appointment")
	@GetMapping("/appointments/{id}")
	AppointmentView appointment(Tenant tenant, @PathVariable long id) {
		return jobs.appointment(tenant.id(), id);
	}

	@Operation(summary = "Reschedule an appointment", description = "Body `{start, end}` (ISO-8601 instants, end after start).")
	@SentOrApplied
	@PatchMapping("/appointments/{id}/reschedule")
	ResponseEntity<Written<AppointmentView>> reschedule(Tenant tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reschedule body, @AuthenticationPrincipal Jwt user) {

		var times = body == null ? new Reschedule(null, null) : body;
		return answer(jobs.reschedule(tenant.id(), id, times.start(), times.end(), user.getSubject()));
	}

	@Operation(summary = "Confirm an appointment with the customer")
	@SentOrApplied
	@PutMapping("/appointments/{id}/confirmation")
	ResponseEntity<Written<AppointmentView>> confirm(Tenant tenant, @PathVariable long id,
			@AuthenticationPrincipal Jwt user) {
		return answer(jobs.confirm(tenant.id(), id, user.getSubject()));
	}

	@Operation(summary = "List the reasons a job can be canceled")
	@GetMapping("/job-cancel-reasons")
	List<StJobReason> cancelReasons(Tenant tenant) {
		return jobs.reasons(tenant.id(), false);
	}

	@Operation(summary = "List the reasons a job can be put on hold")
	@GetMapping("/job-hold-reasons")
	List<StJobReason> holdReasons(Tenant tenant) {
		return jobs.reasons(tenant.id(), true);
	}

	@ExceptionHandler(Jobs.JobConflict.class)
	ProblemDetail conflict(Jobs.JobConflict ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Job write refused");
		return problem;
	}

	/** Body of a reschedule. */
	record Reschedule(@Nullable Instant start, @Nullable Instant end) {
	}

	private static <V> ResponseEntity<Written<V>> answer(Written<V> written) {
		return ResponseEntity.status(written.sent() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(written);
	}

	private static StatusChange as(String status, @Nullable StatusChange body) {
		return body == null ? new StatusChange(status, null, null, null)
				: new StatusChange(status, body.reasonId(), body.memo(), body.completedOn());
	}

	private static <T> T required(@Nullable T body) {

		if (body == null) {
			throw new InvalidInputException("body", "is required");
		}
		return body;
	}
}
