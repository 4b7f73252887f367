package io.lazi.stsimulator;

import java.util.Map;

import com.atlassian.oai.validator.model.Request;
import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the simulator's office lists (leads, bookings, job cancel and hold reasons), its reads by id (customer,
 * job, job history, appointment, estimate) and its customer, job, appointment and estimate writes answer per
 * ServiceTitan's exports ({@code crm-v2.json}, {@code jpm-v2.json}, {@code salestech-v2.json}), refusals included,
 * and that the requests these tests send as valid are valid per the spec too.
 */
@Unthrottled
class StSimulatorCrmWritesContractIntegrationTests extends ApiContractTest {

	private static final String CRM = "/crm/v2";

	private static final String JPM = "/jpm/v2";

	private static final String SALES = "/sales/v2";

	@Test
	void answersTheLeadAndBookingListsAndTheirFiltersPerSpec() {

		var leads = client.read(get(200, REFERENCE_TENANT, CRM, "/leads", Map.of("includeTotal", "true")));
		assertThat(leads.get("totalCount").asInt()).isEqualTo(20);
		var open = client.read(get(200, REFERENCE_TENANT, CRM, "/leads",
				Map.of("status", "Open", "withoutCustomer", "true", "includeTotal", "true", "modifiedOnOrAfter",
						"2000-01-01T00:00:00Z")));
		assertThat(open.get("totalCount").asInt()).isEqualTo(12);
		var ofCustomer = client.read(get(200, REFERENCE_TENANT, CRM, "/leads", Map.of("customerId", "70000055")));
		assertThat(ofCustomer.get("data")).singleElement()
			.satisfies(lead -> assertThat(lead.get("status").asString()).isEqualTo("Converted"));
		get(200, REFERENCE_TENANT, CRM, "/leads", Map.of("ids", "85000001,85000002", "leadCustomerName", "blake"));
		get(400, REFERENCE_TENANT, CRM, "/leads", Map.of("pageSize", "5001"));

		var bookings = client.read(get(200, REFERENCE_TENANT, CRM, "/bookings", Map.of("includeTotal", "true")));
		assertThat(bookings.get("totalCount").asInt()).isEqualTo(10);
		var byExternalId = client.read(get(200, REFERENCE_TENANT, CRM, "/bookings",
				Map.of("externalId", "sp-04007", "ids", "86000007,86000008")));
		assertThat(byExternalId.get("data")).singleElement()
			.satisfies(booking -> assertThat(booking.get("jobId").asLong()).isEqualTo(80000060L));
		assertThat(client.read(get(200, ISOLATION_TENANT, CRM, "/leads", Map.of())).get("data")).isEmpty();
	}

	@Test
	void answersTheJobReasonListsAllByDefaultPerSpec() {

		var cancel = client.read(get(200, REFERENCE_TENANT, JPM, "/job-cancel-reasons", Map.of("includeTotal", "true")));
		assertThat(cancel.get("totalCount").asInt()).as("active and inactive by default").isEqualTo(4);
		var active = client.read(get(200, REFERENCE_TENANT, JPM, "/job-cancel-reasons",
				Map.of("active", "True", "includeTotal", "true")));
		assertThat(active.get("totalCount").asInt()).isEqualTo(3);
		var hold = client.read(get(200, REFERENCE_TENANT, JPM, "/job-hold-reasons", paged()));
		assertThat(hold.get("data")).hasSize(4);
	}

	@Test
	void answersReadsByIdAndTheir404sPerSpec() {

		get(200, REFERENCE_TENANT, CRM, "/customers/70000001", Map.of());
		get(404, REFERENCE_TENANT, CRM, "/customers/1", Map.of());
		get(200, REFERENCE_TENANT, JPM, "/jobs/80000017", Map.of());
		get(404, REFERENCE_TENANT, JPM, "/jobs/1", Map.of());
		var history = client.read(get(200, REFERENCE_TENANT, JPM, "/jobs/80000017/history", Map.of()));
		assertThat(history.get("history")).singleElement()
			.satisfies(entry -> assertThat(entry.get("eventType").asString()).isEqualTo("Job Booked"));
		get(404, REFERENCE_TENANT, JPM, "/jobs/1/history", Map.of());
		get(200, REFERENCE_TENANT, JPM, "/appointments/82000017", Map.of());
		get(404, REFERENCE_TENANT, JPM, "/appointments/1", Map.of());
		get(200, REFERENCE_TENANT, SALES, "/estimates/83000017", Map.of());

		// The sales spec documents no 404 for Estimates_Get; the answer is still an ApiErrorResponse.
		var missing = client.get(REFERENCE_TENANT, SALES + "/tenant/" + REFERENCE_TENANT + "/estimates/1", Map.of());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(client.read(missing).propertyNames()).contains("type", "title", "status", "traceId", "errors", "data");
	}

	@Test
	void answersCustomerCreatesUpdatesAndTheirRefusalsPerSpec() {

		var created = client.read(exchange(200, REFERENCE_TENANT, CRM, Request.Method.POST, "/customers", """
				{"name": "Harlow Pools LLC", "type": "Commercial",
				 "address": {"street": "12 Canal St", "unit": "B", "city": "Tempe", "state": "AZ", "zip": "85281",
				             "country": "USA", "latitude": 33.42, "longitude": -111.94},
				 "locations": [{"name": "Clubhouse",
				                "address": {"street": "400 Lakeshore Dr", "city": "Tempe", "state": "AZ", "zip": "85282",
				                            "country": "USA"},
				                "contacts": [{"type": "Phone", "value": "4805550199", "memo": "front desk"}]}],
				 "contacts": [{"type": "Email", "value": "office@harlowpools.example"},
				              {"type": "MobilePhone", "value": "4805550123", "memo": "owner"}],
				 "customFields": [{"typeId": 9001, "value": "Referral"}], "tagTypeIds": [301],
				 "externalData": {"applicationGuid": "6f1c6f0e-5d43-4c4e-9a53-2f1f1a0c9b11",
				                  "externalData": [{"key": "laziId", "value": "c-1"}]},
				 "doNotMail": false, "taxExempt": true}"""));
		var id = created.get("id").asLong();
		assertThat(created.get("locations").get(0).get("contacts")).hasSize(1);
		get(200, REFERENCE_TENANT, CRM, "/customers/" + id, Map.of());

		exchange(200, REFERENCE_TENANT, CRM, Request.Method.PATCH, "/customers/" + id, """
				{"name": "Harlow Aquatics LLC", "doNotService": true,
				 "address": {"street": "14 Canal St", "unit": "", "city": "Tempe", "state": "AZ", "zip": "85281",
				             "country": "USA", "latitude": 33.42, "longitude": -111.94},
				 "externalData": {"patchMode": "Merge", "applicationGuid": "6f1c6f0e-5d43-4c4e-9a53-2f1f1a0c9b11",
				                  "externalData": [{"key": "laziId", "value": null}]}}""");
		exchange(404, REFERENCE_TENANT, CRM, Request.Method.PATCH, "/customers/1", "{\"name\": \"Nobody\"}");
		exchange(400, REFERENCE_TENANT, CRM, Request.Method.POST, "/customers", """
				{"name": "No Location", "address": {"street": "1 A St", "city": "Mesa", "state": "AZ", "zip": "85201",
				 "country": "USA"}}""", true);
		exchange(400, REFERENCE_TENANT, CRM, Request.Method.PATCH, "/customers/" + id,
				"{\"address\": {\"street\": \"1 A St\", \"city\": \"Mesa\"}, \"type\": \"Government\"}", true);
	}

	@Test
	void answersJobWritesAndTheirRefusalsPerSpec() {

		exchange(200, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/jobs/80000055", """
				{"summary": "<p>Panel upgrade, 200 A</p>", "priority": "High", "businessUnitId": 5004,
				 "jobGeneratedLeadSource": {"jobId": 80000020, "employeeId": null}, "soldById": 30000010,
				 "customFields": [{"typeId": 9201, "value": "Gate 4417"}], "tagTypeIds": [12], "customerPo": "PO-77"}""");
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/jobs/80000055", "{\"priority\": \"Whenever\"}", true);
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/jobs/80000055", "{\"businessUnitId\": 1}");
		exchange(404, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/jobs/1", "{\"summary\": \"x\"}");

		exchange(200, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000056/hold",
				"{\"reasonId\": 84000101, \"memo\": \"Pump on back order\"}");
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000056/hold",
				"{\"reasonId\": 84000101, \"memo\": \"again\"}");
		exchange(200, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000056/cancel",
				"{\"reasonId\": 84000002, \"memo\": \"Went with a competitor\"}");
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000057/cancel",
				"{\"reasonId\": 84000004, \"memo\": \"inactive reason\"}");
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000057/cancel", "{\"reasonId\": \"one\"}", true);
		exchange(404, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/1/cancel", "{\"reasonId\": 84000001, \"memo\": \"\"}");

		exchange(200, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000057/complete",
				"{\"completedOn\": \"2026-01-31T17:00:00Z\"}");
		exchange(409, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000056/complete",
				"{\"completedOn\": \"2026-01-31T17:00:00Z\"}");
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/80000058/complete", "{}", true);
		exchange(404, REFERENCE_TENANT, JPM, Request.Method.PUT, "/jobs/1/complete",
				"{\"completedOn\": \"2026-01-31T17:00:00Z\"}");

		var history = client.read(get(200, REFERENCE_TENANT, JPM, "/jobs/80000056/history", Map.of()));
		assertThat(history.get("history").valueStream().map(entry -> entry.get("eventType").asString()))
			.containsExactly("Job Booked", "Job Placed On Hold", "Job Canceled");
	}

	@Test
	void answersAppointmentWritesAndTheirRefusalsPerSpec() {

		exchange(200, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/appointments/82000018/reschedule", """
				{"start": "2030-03-04T16:00:00Z", "end": "2030-03-04T18:00:00Z",
				 "arrivalWindowStart": "2030-03-04T16:00:00Z", "arrivalWindowEnd": "2030-03-04T17:00:00Z"}""");
		exchange(200, REFERENCE_TENANT, JPM, Request.Method.PUT, "/appointments/82000018/confirmation", null);
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/appointments/82000018/reschedule",
				"{\"start\": \"2030-03-04T18:00:00Z\", \"end\": \"2030-03-04T16:00:00Z\"}");
		exchange(400, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/appointments/82000018/reschedule",
				"{\"start\": \"next Tuesday\"}", true);
		exchange(404, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/appointments/1/reschedule",
				"{\"start\": \"2030-03-04T16:00:00Z\", \"end\": \"2030-03-04T18:00:00Z\"}");
		exchange(404, REFERENCE_TENANT, JPM, Request.Method.PUT, "/appointments/1/confirmation", null);

		client.call(REFERENCE_TENANT, "PUT", JPM + "/tenant/%d/jobs/80000019/cancel".formatted(REFERENCE_TENANT),
				"{\"reasonId\": 84000001, \"memo\": \"\"}");
		exchange(409, REFERENCE_TENANT, JPM, Request.Method.PATCH, "/appointments/82000019/reschedule",
				"{\"start\": \"2030-03-04T16:00:00Z\", \"end\": \"2030-03-04T18:00:00Z\"}");
		exchange(409, REFERENCE_TENANT, JPM, Request.Method.PUT, "/appointments/82000019/confirmation", null);
	}

	@Test
	void answersEstimateWritesAndTheirRefusalsPerSpec() {

		var sold = client.read(exchange(200, REFERENCE_TENANT, SALES, Request.Method.PUT, "/estimates/83000020/sell",
				"{\"soldBy\": 0}"));
		assertThat(sold.get("status").get("name").asString()).isEqualTo("Sold");
		exchange(400, REFERENCE_TENANT, SALES, Request.Method.PUT, "/estimates/83000020/sell", "{\"soldBy\": 30000001}");
		exchange(400, REFERENCE_TENANT, SALES, Request.Method.PUT, "/estimates/83000021/sell", "{}", true);
		exchange(200, REFERENCE_TENANT, SALES, Request.Method.PUT, "/estimates/83000021/dismiss", null);
		exchange(400, REFERENCE_TENANT, SALES, Request.Method.PUT, "/estimates/83000020/dismiss", null);

		// The sales spec documents no 404 for these writes; the answer is still an ApiErrorResponse.
		var missing = client.call(REFERENCE_TENANT, "PUT", SALES + "/tenant/%d/estimates/1/sell".formatted(REFERENCE_TENANT),
				"{\"soldBy\": 1}");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(client.read(missing).get("status").asInt()).isEqualTo(404);
	}
}
