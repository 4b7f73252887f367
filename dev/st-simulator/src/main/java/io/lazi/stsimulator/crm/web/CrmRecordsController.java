package io.lazi.stsimulator.crm.web;

import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.JobHistoryEntry;
import io.lazi.stsimulator.errors.ApiException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's single-record reads, as a client reads a record back after writing it: {@code Customers_Get},
 * {@code Jobs_Get}, {@code Jobs_GetHistory} ({@code Jpm.V2.JobHistoryResponse}: the "Job Booked" entry at the
 * job's {@code createdOn}, then its status changes, oldest first), {@code Appointments_Get} and
 * {@code Estimates_Get}; each a 404 {@code ApiErrorResponse} for an unknown id (the sales spec documents no 404
 * for estimates; ServiceTitan's other modules answer so).
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CrmRecordsController {

	private final CrmCatalog catalog;

	@GetMapping("/crm/v2/tenant/{tenant}/customers/{id}")
	Customer customer(@PathVariable long tenant, @PathVariable long id) {
		return catalog.tenant(tenant).customer(id).orElseThrow(() -> notFound("Customer", id));
	}

	@GetMapping("/jpm/v2/tenant/{tenant}/jobs/{id}")
	Job job(@PathVariable long tenant, @PathVariable long id) {
		return catalog.tenant(tenant).job(id).orElseThrow(() -> notFound("Job", id));
	}

	@GetMapping("/jpm/v2/tenant/{tenant}/jobs/{id}/history")
	JobHistoryResponse history(@PathVariable long tenant, @PathVariable long id) {

		var data = catalog.tenant(tenant);
		var job = data.job(id).orElseThrow(() -> notFound("Job", id));
		return new JobHistoryResponse(data.historyOf(job).stream().map(JobHistoryResponse.Item::of).toList());
	}

	@GetMapping("/jpm/v2/tenant/{tenant}/appointments/{id}")
	Appointment appointment(@PathVariable long tenant, @PathVariable long id) {
		return catalog.tenant(tenant).appointment(id).orElseThrow(() -> notFound("Appointment", id));
	}

	@GetMapping("/sales/v2/tenant/{tenant}/estimates/{id}")
	Estimate estimate(@PathVariable long tenant, @PathVariable long id) {
		return catalog.tenant(tenant).estimate(id).orElseThrow(() -> notFound("Estimate", id));
	}

	private static ApiException notFound(String what, long id) {
		return ApiException.notFound("%s with id %d".formatted(what, id));
	}

	/** {@code Jpm.V2.JobHistoryResponse}. */
	record JobHistoryResponse(List<Item> history) {

		/** {@code Jpm.Jobs.JobHistoryItemModel}. */
		record Item(long id, @Nullable Long employeeId, String eventType, Instant date, String usedSchedulingTool,
				String memo) {

			static Item of(JobHistoryEntry entry) {
				return new Item(entry.id(), entry.employeeId(), entry.eventType(), entry.date(), entry.usedSchedulingTool(),
						entry.memo());
			}
		}
	}
}
