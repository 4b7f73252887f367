package io.lazi.stingest.servicetitan;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;

/**
 * ServiceTitan writes to customers, jobs, appointments, their technician assignments and estimates, and the single
 * reads that check and read back what they changed, each answered as an {@link StReply} (2xx or a decisive 4xx) so
 * the caller decides what a 404 or 400 means. Calls share the tenant's rate budget and token with
 * {@link ServiceTitanClient}. Writes are retried only after 429 and 401 (ServiceTitan surely did nothing): after a
 * 5xx or a lost answer the write may have happened, so the caller reads ServiceTitan before sending it again. Reads
 * retry 429, 401, 5xx and I/O failures. Bodies are maps of ServiceTitan's field names. Thread-safe.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ServiceTitanFieldWrites {

	private static final String CUSTOMERS = "/crm/v2/tenant/{tenant}/customers";

	private static final String JOBS = "/jpm/v2/tenant/{tenant}/jobs";

	private static final String APPOINTMENTS = "/jpm/v2/tenant/{tenant}/appointments";

	private static final String ASSIGNMENTS = "/dispatch/v2/tenant/{tenant}/appointment-assignments";

	private static final String ESTIMATES = "/sales/v2/tenant/{tenant}/estimates";

	/** Records per page of the reads that list (an appointment's or a job's assignments, customers of one name). */
	private static final int PAGE_SIZE = 500;

	private final GuardedCalls calls;

	/**
	 * {@code POST /crm/v2/tenant/{tenant}/customers} ({@code CreateCustomerRequest}: {@code name}, {@code type},
	 * {@code address}, {@code locations}): 200 with the {@code CreatedCustomerResponse}, or 400.
	 */
	public StReply createCustomer(String tenant, Map<String, Object> body, CallCounts counts) {
		return write(tenant, HttpMethod.POST, CUSTOMERS, body, counts, tenant);
	}

	/** {@code PATCH /crm/v2/tenant/{tenant}/customers/{id}} ({@code UpdateCustomerRequest}): 200 with the customer, 404, 400. */
	public StReply updateCustomer(String tenant, long id, Map<String, Object> body, CallCounts counts) {
		return write(tenant, HttpMethod.PATCH, CUSTOMERS + "/{id}", body, counts, tenant, id);
	}

	/** {@code GET /crm/v2/tenant/{tenant}/customers/{id}}: 200 with the {@code CustomerResponse}, or 404. */
	public StReply customer(String tenant, long id, CallCounts counts) {
		return read(tenant, CUSTOMERS + "/{id}", Map.of(), counts, tenant, id);
	}

	/**
	 * One page of {@code GET /crm/v2/tenant/{tenant}/customers} named like {@code name} (ServiceTitan's match, which
	 * the caller narrows) and created at or after {@code createdOnOrAfter}, active or not.
	 *
	 * @param page 1-based
	 */
	public StReply customersCreatedSince(String tenant, String name, Instant createdOnOrAfter, int page, CallCounts counts) {
		return read(tenant, CUSTOMERS, Map.of("name", name, "createdOnOrAfter", createdOnOrAfter.toString(), "active", "Any",
				"page", page, "pageSize", PAGE_SIZE), counts, tenant);
	}

	/** {@code PATCH /jpm/v2/tenant/{tenant}/jobs/{id}} ({@code UpdateJobRequest}): 200 with the job, 404, 400. */
	public StReply updateJob(String tenant, long id, Map<String, Object> body, CallCounts counts) {
		return write(tenant, HttpMethod.PATCH, JOBS + "/{id}", body, counts, tenant, id);
	}

	/**
	 * {@code PUT /jpm/v2/tenant/{tenant}/jobs/{id}/{transition}}: {@code cancel} and {@code hold} with
	 * {@code {reasonId, memo}}, {@code complete} with {@code {completedOn}}; 200 without a body, 404, 400 (409 for
	 * a completion ServiceTitan refuses).
	 */
	public StReply moveJob(String tenant, long id, String transition, Map<String, Object> body, CallCounts counts) {
		return write(tenant, HttpMethod.PUT, JOBS + "/{id}/" + transition, body, counts, tenant, id);
	}

	/** {@code GET /jpm/v2/tenant/{tenant}/jobs/{id}}: 200 with the {@code JobResponse}, or 404. */
	public StReply job(String tenant, long id, CallCounts counts) {
		return read(tenant, JOBS + "/{id}", Map.of(), counts, tenant, id);
	}

	/**
	 * {@code POST /dispatch/v2/tenant/{tenant}/appointment-assignments/{assign-technicians|unassign-technicians}}
	 * with {@code {jobAppointmentId, technicianIds}}: 200 with the appointment, 400, 404 (409 for an assignment
	 * ServiceTitan refuses).
	 *
	 * @param assign whether to assign, else unassign
	 */
	public StReply assignment(String tenant, boolean assign, long appointmentId, List<Long> technicianIds,
			CallCounts counts) {
		return write(tenant, HttpMethod.POST, ASSIGNMENTS + (assign ? "/assign-technicians" : "/unassign-technicians"),
				Map.of("jobAppointmentId", appointmentId, "technicianIds", technicianIds), counts, tenant);
	}

	/**
	 * One page of {@code GET /dispatch/v2/tenant/{tenant}/appointment-assignments}, active and not, of one
	 * appointment ({@code appointmentIds}) or one job ({@code jobId}).
	 *
	 * @param page 1-based
	 */
	public StReply assignments(String tenant, @Nullable Long appointmentId, @Nullable Long jobId, int page,
			CallCounts counts) {

		var query = new LinkedHashMap<String, Object>();
		if (appointmentId != null) {
			query.put("appointmentIds", appointmentId);
		}
		if (jobId != null) {
			query.put("jobId", jobId);
		}
		query.put("active", "Any");
		query.put("page", page);
		query.put("pageSize", PAGE_SIZE);
		return read(tenant, ASSIGNMENTS, query, counts, tenant);
	}

	/**
	 * {@code PATCH /jpm/v2/tenant/{tenant}/appointments/{id}/reschedule} ({@code AppointmentRescheduleRequest}:
	 * {@code start}, {@code end}, UTC): 200 with the appointment, 400, 404, 409.
	 */
	public StReply rescheduleAppointment(String tenant, long id, Map<String, Object> body, CallCounts counts) {
		return write(tenant, HttpMethod.PATCH, APPOINTMENTS + "/{id}/reschedule", body, counts, tenant, id);
	}

	/** {@code PUT /jpm/v2/tenant/{tenant}/appointments/{id}/confirmation}, no body: 200, 400, 404, 409. */
	public StReply confirmAppointment(String tenant, long id, CallCounts counts) {
		return write(tenant, HttpMethod.PUT, APPOINTMENTS + "/{id}/confirmation", null, counts, tenant, id);
	}

	/** {@code GET /jpm/v2/tenant/{tenant}/appointments/{id}}: 200 with the {@code AppointmentResponse}, or 404. */
	public StReply appointment(String tenant, long id, CallCounts counts) {
		return read(tenant, APPOINTMENTS + "/{id}", Map.of(), counts, tenant, id);
	}

	/** {@code PUT /sales/v2/tenant/{tenant}/estimates/{id}/sell} with {@code {soldBy}}: 200 with the estimate, 400, 404. */
	public StReply sellEstimate(String tenant, long id, long soldBy, CallCounts counts) {
		return write(tenant, HttpMethod.PUT, ESTIMATES + "/{id}/sell", Map.of("soldBy", soldBy), counts, tenant, id);
	}

	/** {@code PUT /sales/v2/tenant/{tenant}/estimates/{id}/dismiss}, no body: 200, 400, 404. */
	public StReply dismissEstimate(String tenant, long id, CallCounts counts) {
		return write(tenant, HttpMethod.PUT, ESTIMATES + "/{id}/dismiss", null, counts, tenant, id);
	}

	/** {@code GET /sales/v2/tenant/{tenant}/estimates/{id}}: 200 with the {@code EstimateResponse}, or 404. */
	public StReply estimate(String tenant, long id, CallCounts counts) {
		return read(tenant, ESTIMATES + "/{id}", Map.of(), counts, tenant, id);
	}

	/** Sends a write once (repeated only after 429 and 401), JSON {@code body} unless null. */
	private StReply write(String tenant, HttpMethod method, String path, @Nullable Map<String, Object> body,
			CallCounts counts, Object... variables) {

		return calls.exchangeOnce(tenant, method + " " + describe(path, variables), counts, api -> {
			var request = api.method(method).uri(path, variables);
			return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).body(body);
		}, Answer.reply());
	}

	private StReply read(String tenant, String path, Map<String, ?> query, CallCounts counts, Object... variables) {

		var call = "GET " + describe(path, variables) + (query.isEmpty() ? ""
				: "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")));
		return calls.exchange(tenant, call, counts, api -> api.get().uri(path, uri -> build(uri, query, variables)),
				Answer.reply());
	}

	private static URI build(UriBuilder uri, Map<String, ?> query, Object... variables) {

		// Values as URI variables, so that ServiceTitan receives them encoded (a name may hold '&' or '+').
		var values = new ArrayList<>(List.of(variables));
		query.forEach((name, value) -> {
			uri.queryParam(name, "{q" + values.size() + "}");
			values.add(value);
		});
		return uri.build(values.toArray());
	}

	/** The path with its variables filled in, for messages. */
	private static String describe(String path, Object... variables) {

		var described = path;
		for (var variable : variables) {
			described = described.replaceFirst("\\{[^}]+}", String.valueOf(variable));
		}
		return described;
	}
}
