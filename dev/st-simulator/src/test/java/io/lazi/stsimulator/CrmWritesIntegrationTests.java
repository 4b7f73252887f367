package io.lazi.stsimulator;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ServiceTitan's customer, job, appointment and estimate writes as a pushing client sees them: what it writes is
 * what the lists, the reads by id, the job history and an incremental pull answer afterwards; a refused write
 * changes nothing; applied writes count per item and honour the scripted faults as category writes do.
 */
@Unthrottled
class CrmWritesIntegrationTests extends SimulatorIntegrationTest {

	private static final String JPM = "/jpm/v2/tenant/%d".formatted(REFERENCE_TENANT);

	private static final String CRM = "/crm/v2/tenant/%d".formatted(REFERENCE_TENANT);

	private static final String SALES = "/sales/v2/tenant/%d".formatted(REFERENCE_TENANT);

	@BeforeEach
	void clearWriteCounts() {
		client.admin("DELETE", "/admin/faults/lost-answers", null);
	}

	@Test
	void cancelsAJobWithItsAppointmentAsListsHistoryAndIncrementalPullsShow() {

		var before = job(80000017L);
		var since = Instant.now();
		var cancel = call("PUT", JPM + "/jobs/80000017/cancel", "{\"reasonId\": 84000001, \"memo\": \"Sold the house\"}");

		assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
		assertThat(cancel.body()).isEmpty();
		var changed = client.read(client.get(REFERENCE_TENANT, JPM + "/jobs", Map.of("modifiedOnOrAfter", since.toString())));
		assertThat(changed.get("data")).singleElement().satisfies(job -> {
			assertThat(job.get("id").asLong()).isEqualTo(80000017L);
			assertThat(job.get("jobStatus").asString()).isEqualTo("Canceled");
			assertThat(Instant.parse(job.get("modifiedOn").asString()))
				.isAfter(Instant.parse(before.get("modifiedOn").asString()));
		});
		var appointment = client.read(client.get(REFERENCE_TENANT, JPM + "/appointments/82000017", Map.of()));
		assertThat(appointment.get("status").asString()).isEqualTo("Canceled");
		var history = client.read(client.get(REFERENCE_TENANT, JPM + "/jobs/80000017/history", Map.of())).get("history");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("eventType").asString()).isEqualTo("Job Booked");
		assertThat(history.get(0).get("date").asString()).isEqualTo(before.get("createdOn").asString());
		assertThat(history.get(1).get("eventType").asString()).isEqualTo("Job Canceled");
		assertThat(history.get(1).get("memo").asString()).isEqualTo("Customer canceled: Sold the house");
		assertThat(call("PUT", JPM + "/jobs/80000017/cancel", "{\"reasonId\": 84000001, \"memo\": \"\"}").statusCode())
			.as("a canceled job cannot be canceled again").isEqualTo(400);
	}

	@Test
	void holdsAndCompletesAJobOnTheGivenDateLoggingEachStatus() {

		assertThat(call("PUT", JPM + "/jobs/80000001/hold", "{\"reasonId\": 84000102, \"memo\": \"City permit\"}").statusCode())
			.isEqualTo(200);
		assertThat(job(80000001L).get("jobStatus").asString()).isEqualTo("Hold");
		assertThat(call("PUT", JPM + "/jobs/80000001/complete", "{\"completedOn\": \"2026-02-03T21:30:00Z\"}").statusCode())
			.isEqualTo(200);

		var completed = job(80000001L);
		assertThat(completed.get("jobStatus").asString()).isEqualTo("Completed");
		assertThat(Instant.parse(completed.get("completedOn").asString())).isEqualTo(Instant.parse("2026-02-03T21:30:00Z"));
		var events = client.read(client.get(REFERENCE_TENANT, JPM + "/jobs/80000001/history", Map.of())).get("history")
			.valueStream().map(entry -> entry.get("eventType").asString()).toList();
		assertThat(events).containsExactly("Job Booked", "Job Placed On Hold", "Job Completed");
		assertThat(call("PUT", JPM + "/jobs/80000001/complete", "{\"completedOn\": \"2026-02-04T00:00:00Z\"}").statusCode())
			.isEqualTo(409);
		assertThat(call("PUT", JPM + "/jobs/80000001/hold", "{\"reasonId\": 84000102, \"memo\": \"\"}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void refusesBadBodiesUnknownReasonsAndUnknownIdsChangingNothing() {

		var before = job(80000002L);
		var badBody = call("PUT", JPM + "/jobs/80000002/cancel", "{\"reasonId\": \"x\", \"memo\": 7}");
		var unknownReason = call("PUT", JPM + "/jobs/80000002/cancel", "{\"reasonId\": 1, \"memo\": \"\"}");
		var inactiveReason = call("PUT", JPM + "/jobs/80000002/cancel", "{\"reasonId\": 84000004, \"memo\": \"\"}");
		var holdWithCancelReason = call("PUT", JPM + "/jobs/80000002/hold", "{\"reasonId\": 84000001, \"memo\": \"\"}");
		var badPatch = call("PATCH", JPM + "/jobs/80000002", "{\"priority\": \"Someday\", \"customerId\": \"me\"}");
		var foreignLocation = call("PATCH", JPM + "/jobs/80000002", "{\"locationId\": 71000003}");

		assertThat(errors(badBody)).containsOnlyKeys("reasonId", "memo");
		assertThat(errors(unknownReason)).containsOnlyKeys("reasonId");
		assertThat(errors(inactiveReason)).containsOnlyKeys("reasonId");
		assertThat(errors(holdWithCancelReason)).containsOnlyKeys("reasonId");
		assertThat(errors(badPatch)).containsOnlyKeys("priority", "customerId");
		assertThat(errors(foreignLocation)).containsOnlyKeys("locationId");
		assertThat(job(80000002L)).as("nothing changed").isEqualTo(before);
		assertThat(client.read(client.get(REFERENCE_TENANT, JPM + "/jobs/80000002/history", Map.of())).get("history")).hasSize(1);

		assertThat(call("PUT", JPM + "/jobs/1/hold", "{\"reasonId\": 84000101, \"memo\": \"\"}").statusCode()).isEqualTo(404);
		assertThat(call("PATCH", CRM + "/customers/1", "{\"name\": \"Nobody\"}").statusCode()).isEqualTo(404);
		assertThat(call("PATCH", JPM + "/appointments/1/reschedule", "{\"start\": \"2030-01-01T10:00:00Z\"}").statusCode())
			.isEqualTo(404);
		assertThat(call("PUT", SALES + "/estimates/1/dismiss", null).statusCode()).isEqualTo(404);
		assertThat(writes()).as("refused writes are not counted").isEmpty();
	}

	@Test
	void updatesAJobsFieldsOnlyAsSupplied() {

		var before = job(80000055L);
		var patched = client.read(call("PATCH", JPM + "/jobs/80000055",
				"{\"summary\": \"Panel upgrade\", \"priority\": \"urgent\", \"soldById\": 30000010}"));

		assertThat(patched.get("summary").asString()).isEqualTo("Panel upgrade");
		assertThat(patched.get("priority").asString()).isEqualTo("Urgent");
		assertThat(patched.get("soldById").asLong()).isEqualTo(30000010L);
		assertThat(patched.get("businessUnitId")).isEqualTo(before.get("businessUnitId"));
		assertThat(patched.get("jobStatus")).isEqualTo(before.get("jobStatus"));
		assertThat(job(80000055L)).isEqualTo(patched);
	}

	@Test
	void reschedulesAnAppointmentUnconfirmedUntilConfirmed() {

		var since = Instant.now();
		var moved = client.read(call("PATCH", JPM + "/appointments/82000020/reschedule",
				"{\"start\": \"2030-05-06T15:00:00Z\", \"end\": \"2030-05-06T17:30:00Z\", \"arrivalWindowStart\": "
						+ "\"2030-05-06T15:00:00Z\", \"arrivalWindowEnd\": \"2030-05-06T16:00:00Z\"}"));

		assertThat(Instant.parse(moved.get("start").asString())).isEqualTo(Instant.parse("2030-05-06T15:00:00Z"));
		assertThat(Instant.parse(moved.get("end").asString())).isEqualTo(Instant.parse("2030-05-06T17:30:00Z"));
		assertThat(Instant.parse(moved.get("arrivalWindowEnd").asString())).isEqualTo(Instant.parse("2030-05-06T16:00:00Z"));
		assertThat(moved.get("isConfirmed").asBoolean()).isFalse();
		var listed = client.read(client.get(REFERENCE_TENANT, JPM + "/appointments", Map.of("modifiedOnOrAfter", since.toString())));
		assertThat(listed.get("data")).singleElement().isEqualTo(moved);

		assertThat(call("PUT", JPM + "/appointments/82000020/confirmation", null).statusCode()).isEqualTo(200);
		var confirmed = client.read(client.get(REFERENCE_TENANT, JPM + "/appointments/82000020", Map.of()));
		assertThat(confirmed.get("isConfirmed").asBoolean()).isTrue();
		assertThat(Instant.parse(confirmed.get("modifiedOn").asString()))
			.isAfterOrEqualTo(Instant.parse(moved.get("modifiedOn").asString()));
		assertThat(confirmed.get("start")).isEqualTo(moved.get("start"));
	}

	@Test
	void sellsAndDismissesEstimatesAsTheEstimateListShows() {

		var since = Instant.now();
		var sold = client.read(call("PUT", SALES + "/estimates/83000022/sell", "{\"soldBy\": 30000002}"));
		assertThat(call("PUT", SALES + "/estimates/83000023/dismiss", null).statusCode()).isEqualTo(200);

		assertThat(sold.get("status").get("value").asInt()).isEqualTo(1);
		assertThat(sold.get("soldBy").asLong()).isEqualTo(30000002L);
		assertThat(Instant.parse(sold.get("soldOn").asString())).isAfterOrEqualTo(since);
		var changed = client.read(client.get(REFERENCE_TENANT, SALES + "/estimates", Map.of("modifiedOnOrAfter", since.toString())));
		assertThat(changed.get("data").valueStream().map(e -> e.get("id").asLong() + ":" + e.get("status").get("name").asString()))
			.containsExactly("83000022:Sold", "83000023:Dismissed");
		assertThat(call("PUT", SALES + "/estimates/83000022/dismiss", null).statusCode()).isEqualTo(400);
		assertThat(call("PUT", SALES + "/estimates/83000023/sell", "{\"soldBy\": \"Dana\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void createsACustomerWithItsLocationAndContactsThenUpdatesIt() {

		var since = Instant.now();
		var created = client.read(call("POST", CRM + "/customers", """
				{"name": "Rowan Whitfield", "address": {"street": "9 Palo Verde Ln", "city": "Mesa", "state": "AZ",
				 "zip": "85203", "country": "USA"},
				 "locations": [{"name": "Home", "address": {"street": "9 Palo Verde Ln", "city": "Mesa", "state": "AZ",
				  "zip": "85203", "country": "USA"}}],
				 "contacts": [{"type": "MobilePhone", "value": "4805550142"}]}"""));
		var id = created.get("id").asLong();

		assertThat(id).isGreaterThan(86_000_010L);
		assertThat(created.get("type").asString()).isEqualTo("Residential");
		var locationId = created.get("locations").get(0).get("id").asLong();
		assertThat(client.read(client.get(REFERENCE_TENANT, CRM + "/customers/" + id, Map.of())).get("name").asString())
			.isEqualTo("Rowan Whitfield");
		var locations = client.read(client.get(REFERENCE_TENANT, CRM + "/locations", Map.of("customerId", Long.toString(id))));
		assertThat(locations.get("data")).singleElement().satisfies(l -> assertThat(l.get("id").asLong()).isEqualTo(locationId));
		var contacts = client.read(client.get(REFERENCE_TENANT, CRM + "/customers/" + id + "/contacts", Map.of()));
		assertThat(contacts.get("data")).singleElement()
			.satisfies(c -> assertThat(c.get("value").asString()).isEqualTo("4805550142"));
		var total = client.read(client.get(REFERENCE_TENANT, CRM + "/customers", Map.of("includeTotal", "true")));
		assertThat(total.get("totalCount").asInt()).isEqualTo(451);

		var renamed = client.read(call("PATCH", CRM + "/customers/" + id, "{\"name\": \"Rowan & Sam Whitfield\"}"));
		assertThat(renamed.get("name").asString()).isEqualTo("Rowan & Sam Whitfield");
		assertThat(renamed.get("address")).isEqualTo(created.get("address"));
		var incomplete = call("PATCH", CRM + "/customers/" + id, "{\"address\": {\"street\": \"1 Elm\"}}");
		assertThat(errors(incomplete)).containsKeys("address.city", "address.unit", "address.latitude");
		var changed = client.read(client.get(REFERENCE_TENANT, CRM + "/customers", Map.of("modifiedOnOrAfter", since.toString())));
		assertThat(changed.get("data")).singleElement().isEqualTo(renamed);

		var noLocation = call("POST", CRM + "/customers", "{\"name\": \"X\", \"locations\": [], \"address\": {}}");
		assertThat(errors(noLocation)).containsKeys("locations", "address.street");
		assertThat(writes()).containsOnly(Map.entry("customers/" + id, 2L));
	}

	@Test
	void countsAppliedWritesPerItemBesideTheCategoryCounts() {

		call("PUT", JPM + "/jobs/80000003/hold", "{\"reasonId\": 84000101, \"memo\": \"\"}");
		call("PUT", JPM + "/jobs/80000003/cancel", "{\"reasonId\": 84000001, \"memo\": \"\"}");
		call("PATCH", JPM + "/appointments/82000021/reschedule", "{\"start\": \"2030-01-01T10:00:00Z\", \"end\": \"2030-01-01T11:00:00Z\"}");
		call("PUT", JPM + "/appointments/82000021/confirmation", null);
		call("PUT", SALES + "/estimates/83000024/sell", "{\"soldBy\": 1}");
		call("PUT", SALES + "/estimates/83000024/sell", "{\"soldBy\": 1}"); // refused: already sold

		assertThat(writes()).containsOnly(Map.entry("jobs/80000003", 2L), Map.entry("appointments/82000021", 2L),
				Map.entry("estimates/83000024", 1L));
		assertThat(client.read(client.admin("GET", "/admin/stats/writes/" + REFERENCE_TENANT, null)).size())
			.as("the category counts stay as they were").isZero();
	}

	@Test
	void losesTheAnswerOfAChosenJobWriteYetAppliesItOnce() {

		var rule = client.admin("POST", "/admin/faults/lost-answers",
				"{\"tenant\": %d, \"item\": \"jobs/80000004\", \"times\": 1}".formatted(REFERENCE_TENANT));
		assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);

		assertThat(call("PUT", JPM + "/jobs/80000005/hold", "{\"reasonId\": 84000101, \"memo\": \"\"}").statusCode())
			.as("another job's answer arrives").isEqualTo(200);
		assertThatThrownBy(() -> call("PUT", JPM + "/jobs/80000004/cancel", "{\"reasonId\": 84000001, \"memo\": \"\"}"))
			.isInstanceOf(UncheckedIOException.class);
		assertThat(job(80000004L).get("jobStatus").asString()).as("the write happened").isEqualTo("Canceled");
		var blindRetry = call("PUT", JPM + "/jobs/80000004/cancel", "{\"reasonId\": 84000001, \"memo\": \"\"}");
		assertThat(blindRetry.statusCode()).isEqualTo(400);
		assertThat(writes()).containsEntry("jobs/80000004", 1L);
		assertThat(client.admin("POST", "/admin/faults/lost-answers",
				"{\"tenant\": 1, \"categoryId\": 5, \"item\": \"jobs/1\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void failsTheChosenItemsWritesWithAScriptedFaultChangingNothing() {

		client.admin("POST", "/admin/faults/items",
				"{\"tenant\": %d, \"item\": \"estimates/83000025\", \"status\": 503, \"times\": 1}".formatted(REFERENCE_TENANT));

		var failed = call("PUT", SALES + "/estimates/83000025/sell", "{\"soldBy\": 1}");
		var other = call("PUT", SALES + "/estimates/83000026/sell", "{\"soldBy\": 1}");
		var estimate = client.read(client.get(REFERENCE_TENANT, SALES + "/estimates/83000025", Map.of()));
		var retried = call("PUT", SALES + "/estimates/83000025/sell", "{\"soldBy\": 1}");

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(estimate.get("status").get("name").asString()).isEqualTo("Open");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(writes()).containsOnly(Map.entry("estimates/83000025", 1L), Map.entry("estimates/83000026", 1L));
	}

	private HttpResponse<String> call(String method, String path, @Nullable String body) {
		return client.call(REFERENCE_TENANT, method, path, body);
	}

	private JsonNode job(long id) {
		return client.read(client.get(REFERENCE_TENANT, JPM + "/jobs/" + id, Map.of()));
	}

	private Map<String, JsonNode> errors(HttpResponse<String> response) {

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		var errors = new LinkedHashMap<String, JsonNode>();
		client.read(response).get("errors").properties().forEach(entry -> errors.put(entry.getKey(), entry.getValue()));
		return errors;
	}

	private Map<String, Long> writes() {

		var writes = new TreeMap<String, Long>();
		client.read(client.admin("GET", "/admin/stats/writes/%d/all".formatted(REFERENCE_TENANT), null)).properties()
			.forEach(entry -> writes.put(entry.getKey(), entry.getValue().asLong()));
		return writes;
	}
}
