package io.lazi.stsimulator.crm.web;

import java.util.Map;
import java.util.Set;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.listing.Timestamps;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin edits that simulate a user changing CRM data in ServiceTitan, so a later incremental pull sees
 * a change; each bumps the record's {@code modifiedOn} to now. No authentication.
 * {@code POST …/estimates/{id}/sell} (optional body {@code {"soldBy"}}), {@code POST …/estimates/{id}/dismiss},
 * {@code PATCH …/jobs/{id}} with {@code {"jobStatus"}} (logged in the job's history as by employee 1, appointments
 * untouched), {@code PATCH …/contacts/{id}} with {@code {"value", "memo"?}}
 * (the contact alone, not its customer), {@code POST …/appointments} with
 * {@code {"jobId", "start"}}. {@code POST /admin/crm/reset} restores the CRM seed data (and with it the field crew).
 */
@RestController
@RequestMapping("/admin")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CrmAdminController {

	private static final Set<String> JOB_STATUSES = Set.of("Scheduled", "Dispatched", "InProgress", "Working", "Hold",
			"Completed", "Canceled");

	private final CrmCatalog catalog;

	@PostMapping("/tenants/{tenant}/estimates/{id}/sell")
	Estimate sell(@PathVariable long tenant, @PathVariable long id,
			@RequestBody(required = false) @Nullable Map<String, @Nullable Object> body) {

		var soldBy = body == null ? null : body.get("soldBy");
		if (soldBy != null && !(soldBy instanceof Number)) {
			throw ApiException.badRequest("soldBy", "The soldBy must be an employee id.");
		}
		var seller = soldBy == null ? 1L : ((Number) soldBy).longValue();
		return catalog.sell(tenant, id, seller).orElseThrow(() -> notFound("Estimate", id));
	}

	@PostMapping("/tenants/{tenant}/estimates/{id}/dismiss")
	Estimate dismiss(@PathVariable long tenant, @PathVariable long id) {
		return catalog.dismiss(tenant, id).orElseThrow(() -> notFound("Estimate", id));
	}

	@PatchMapping("/tenants/{tenant}/jobs/{id}")
	Job editJob(@PathVariable long tenant, @PathVariable long id, @RequestBody Map<String, @Nullable Object> body) {

		if (!(body.get("jobStatus") instanceof String status && JOB_STATUSES.contains(status))) {
			throw ApiException.badRequest("jobStatus", "The jobStatus must be one of " + JOB_STATUSES + ".");
		}
		return catalog.setJobStatus(tenant, id, status).orElseThrow(() -> notFound("Job", id));
	}

	@PatchMapping("/tenants/{tenant}/contacts/{id}")
	Contact editContact(@PathVariable long tenant, @PathVariable long id, @RequestBody Map<String, @Nullable Object> body) {

		if (!(body.get("value") instanceof String value) || value.isBlank()) {
			throw ApiException.badRequest("value", "The value must be the new phone number or email address.");
		}
		var memo = body.get("memo") instanceof String text ? text : null;
		return catalog.editContact(tenant, id, value, memo).orElseThrow(() -> notFound("Contact", id));
	}

	@PostMapping("/tenants/{tenant}/appointments")
	Appointment book(@PathVariable long tenant, @RequestBody Map<String, @Nullable Object> body) {

		if (!(body.get("jobId") instanceof Number jobId)) {
			throw ApiException.badRequest("jobId", "The jobId must be the id of a job.");
		}
		var start = body.get("start") instanceof String text ? Timestamps.parse(text).orElse(null) : null;
		if (start == null) {
			throw ApiException.badRequest("start", "The start must be a date-time such as 2026-01-31T09:00:00Z.");
		}
		return catalog.book(tenant, jobId.longValue(), start).orElseThrow(() -> notFound("Job", jobId.longValue()));
	}

	@PostMapping("/crm/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset() {
		catalog.reset();
	}

	private static ApiException notFound(String what, long id) {
		return ApiException.notFound("%s with id %d".formatted(what, id));
	}
}
