package io.lazi.stingest.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.stingest.servicetitan.OfficialSpecs;

/**
 * Field commands against WireMock as ServiceTitan: every action's request as the official exports describe it,
 * its outcome with the records read back, and the failures.
 */
class FieldCommandIntegrationTests extends FieldCommandTestSupport {

	private static final StAddress HOME = new StAddress("1 Oak St", null, "Mesa", "AZ", "85001", "USA");

	@Test
	void createsACustomerWithItsLocationAndAnnouncesItWithItsContacts() {

		var tenant = freshTenant();
		var crm = "/crm/v2/tenant/" + tenant;
		ST.stubFor(st("POST", crm + "/customers").willReturn(okJson(body(customerRecord(70000009, "Dana Whitfield",
				"1 Oak St", "")))));
		ST.stubFor(st("GET", crm + "/customers/70000009").willReturn(okJson(body(customerRecord(70000009,
				"Dana Whitfield", "1 Oak St", "")))));
		ST.stubFor(st("GET", crm + "/customers/70000009/contacts").willReturn(okJson(page(Map.of("id", 1, "type",
				"MobilePhone", "value", "4805550142")))));
		var command = command(tenant, FieldAction.CREATE_CUSTOMER, -5, customer("Dana Whitfield", "Residential", HOME));

		send(command);

		var record = outcomes(command, 1).getFirst();
		var outcome = json.readValue(record.value(), FieldCommandCompleted.class);
		assertThat(record.key()).isEqualTo(tenant);
		assertThat(header(record, "ce_type")).isEqualTo(Events.FIELD_COMMAND_COMPLETED.name());
		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.stStatus()).isEqualTo(200);
		assertThat(outcome.stId()).isEqualTo(-5);
		assertThat(outcome.reference()).isEqualTo(command.reference());
		assertThat(outcome.customer().id()).isEqualTo(70000009);
		assertThat(outcome.customer().contacts()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo("4805550142"));
		assertThat(outcome.stCalls()).isEqualTo(3);
		ST.verify(1, postRequestedFor(url(crm + "/customers")).withRequestBody(equalToJson("""
				{"name":"Dana Whitfield","type":"Residential",
				 "address":{"street":"1 Oak St","city":"Mesa","state":"AZ","zip":"85001","country":"USA"},
				 "locations":[{"name":"Dana Whitfield",
				   "address":{"street":"1 Oak St","city":"Mesa","state":"AZ","zip":"85001","country":"USA"}}]}""")));
		assertEverySentRequestValid(tenant);
	}

	@Test
	void updatesACustomerCompletingItsAddressFromServiceTitan() {

		var tenant = freshTenant();
		var crm = "/crm/v2/tenant/" + tenant;
		var updated = okJson(body(customerRecord(70000001, "Avery Alvarez", "1 Oak St", "Apt 5")));
		ST.stubFor(st("GET", crm + "/customers/70000001").inScenario("update-" + tenant)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(body(customerRecord(70000001, "Avery", "1 Oak St", "")))));
		ST.stubFor(st("PATCH", crm + "/customers/70000001").inScenario("update-" + tenant)
			.willReturn(updated)
			.willSetStateTo("updated"));
		ST.stubFor(st("GET", crm + "/customers/70000001").inScenario("update-" + tenant)
			.whenScenarioStateIs("updated")
			.willReturn(updated));
		ST.stubFor(st("GET", crm + "/customers/70000001/contacts").willReturn(okJson(page())));
		var command = command(tenant, FieldAction.UPDATE_CUSTOMER, 70000001,
				customer("Avery Alvarez", null, new StAddress(null, "Apt 5", null, null, null, null)));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.customer().name()).isEqualTo("Avery Alvarez");
		assertThat(outcome.customer().contacts()).isEmpty();
		// The same place: its coordinates stay.
		ST.verify(1, patchRequestedFor(url(crm + "/customers/70000001")).withRequestBody(equalToJson("""
				{"name":"Avery Alvarez","address":{"street":"1 Oak St","unit":"Apt 5","city":"Mesa","state":"AZ",
				 "zip":"85001","country":"USA","latitude":33.41,"longitude":-111.83}}""")));
		assertEverySentRequestValid(tenant);
	}

	@Test
	void sendsAMovedAddressWithoutTheOldCoordinates() {

		var tenant = freshTenant();
		var crm = "/crm/v2/tenant/" + tenant;
		ST.stubFor(st("GET", crm + "/customers/70000002").willReturn(okJson(body(customerRecord(70000002, "Avery",
				"1 Oak St", "")))));
		ST.stubFor(st("PATCH", crm + "/customers/70000002").willReturn(okJson(body(customerRecord(70000002, "Avery",
				"9 Elm St", "")))));
		ST.stubFor(st("GET", crm + "/customers/70000002/contacts").willReturn(okJson(page())));

		var outcome = sendForOutcome(command(tenant, FieldAction.UPDATE_CUSTOMER, 70000002,
				customer(null, null, new StAddress("9 Elm St", null, null, null, null, null))));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		ST.verify(1, patchRequestedFor(url(crm + "/customers/70000002")).withRequestBody(equalToJson("""
				{"address":{"street":"9 Elm St","unit":"","city":"Mesa","state":"AZ","zip":"85001","country":"USA"}}""")));
		// The one known departure from the export, which marks UpdateCustomerAddress's coordinates required.
		var patch = ST.findAll(patchRequestedFor(url(crm + "/customers/70000002"))).getFirst();
		assertThat(OfficialSpecs.validate(patch).getMessages()).isNotEmpty()
			.allSatisfy(message -> assertThat(message.toString()).contains("missing required properties ([\"latitude\",\"longitude\"])"));
	}

	@Test
	void updatesAJobAndAnnouncesIt() {

		var tenant = freshTenant();
		var jpm = "/jpm/v2/tenant/" + tenant;
		ST.stubFor(st("PATCH", jpm + "/jobs/80000001").willReturn(okJson(body(jobRecord(80000001, "Scheduled")))));
		ST.stubFor(st("GET", jpm + "/jobs/80000001").willReturn(okJson(body(jobRecord(80000001, "Scheduled")))));

		var outcome = sendForOutcome(command(tenant, FieldAction.UPDATE_JOB, 80000001, job("Leak", 5001L, "High")));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.job().id()).isEqualTo(80000001);
		assertThat(outcome.stCalls()).isEqualTo(2);
		ST.verify(1, patchRequestedFor(url(jpm + "/jobs/80000001"))
			.withRequestBody(equalToJson("{\"summary\":\"Leak\",\"businessUnitId\":5001,\"priority\":\"High\"}")));
		assertEverySentRequestValid(tenant);
	}

	@Test
	void cancelsHoldsAndCompletesJobs() {

		var tenant = freshTenant();
		var jpm = "/jpm/v2/tenant/" + tenant;
		var moves = Map.of(80000011L, "Canceled", 80000012L, "Hold", 80000013L, "Completed");
		moves.forEach((id, status) -> {
			ST.stubFor(st("PUT", jpm + "/jobs/" + id + "/" + switch (status) {
				case "Canceled" -> "cancel";
				case "Hold" -> "hold";
				default -> "complete";
			}).willReturn(aResponse().withStatus(200)));
			ST.stubFor(st("GET", jpm + "/jobs/" + id).willReturn(okJson(body(jobRecord(id, status)))));
		});
		var end = Instant.parse("2026-11-20T17:30:00Z");

		var canceled = sendForOutcome(command(tenant, FieldAction.CANCEL_JOB, 80000011, reason(7L, "Customer called")));
		var held = sendForOutcome(command(tenant, FieldAction.HOLD_JOB, 80000012, reason(8L, null)));
		var completed = sendForOutcome(command(tenant, FieldAction.COMPLETE_JOB, 80000013, times(null, end)));

		assertThat(List.of(canceled, held, completed)).extracting(FieldCommandCompleted::outcome)
			.containsOnly(CommandOutcome.SUCCEEDED);
		assertThat(List.of(canceled, held, completed)).extracting(c -> c.job().jobStatus())
			.containsExactly("Canceled", "Hold", "Completed");
		ST.verify(1, putRequestedFor(url(jpm + "/jobs/80000011/cancel"))
			.withRequestBody(equalToJson("{\"reasonId\":7,\"memo\":\"Customer called\"}")));
		ST.verify(1, putRequestedFor(url(jpm + "/jobs/80000012/hold")).withRequestBody(equalToJson("{\"reasonId\":8,\"memo\":\"\"}")));
		ST.verify(1, putRequestedFor(url(jpm + "/jobs/80000013/complete"))
			.withRequestBody(equalToJson("{\"completedOn\":\"2026-11-20T17:30:00Z\"}")));
		assertEverySentRequestValid(tenant);
		// the export does refuse what ServiceTitan would: a cancel without its (required) memo
		var memoless = SimpleRequest.Builder.put(jpm + "/jobs/80000011/cancel")
			.withContentType("application/json")
			.withHeader("ST-App-Key", APP_KEY)
			.withHeader("Authorization", "Bearer tok-" + tenant)
			.withBody("{\"reasonId\":7}")
			.build();
		assertThat(OfficialSpecs.validator("jpm").validateRequest(memoless).hasErrors()).isTrue();
	}

	@Test
	void assignsAndUnassignsTechniciansAndAnnouncesTheJobsAssignments() {

		var tenant = freshTenant();
		var dispatch = "/dispatch/v2/tenant/" + tenant + "/appointment-assignments";
		ST.stubFor(st("POST", dispatch + "/assign-technicians").willReturn(okJson(body(appointmentRecord(82000001,
				"2026-11-21T15:00:00Z", "2026-11-21T17:00:00Z", false)))));
		ST.stubFor(st("POST", dispatch + "/unassign-technicians").willReturn(okJson(body(appointmentRecord(82000001,
				"2026-11-21T15:00:00Z", "2026-11-21T17:00:00Z", false)))));
		ST.stubFor(st("GET", "/jpm/v2/tenant/" + tenant + "/jobs/80000001")
			.willReturn(okJson(body(jobRecord(80000001, "Dispatched")))));
		ST.stubFor(st("GET", dispatch).withQueryParam("jobId", equalTo("80000001"))
			.willReturn(okJson(page(assignment(1, 6001, 82000001, true), assignment(2, 6002, 82000001, false)))));

		var assigned = sendForOutcome(command(tenant, FieldAction.ASSIGN_TECHNICIANS, 80000001,
				technicians(82000001L, List.of(6001L, 6003L))));
		var unassigned = sendForOutcome(command(tenant, FieldAction.UNASSIGN_TECHNICIANS, 80000001,
				technicians(82000001L, List.of(6002L))));

		for (var outcome : List.of(assigned, unassigned)) {
			assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
			assertThat(outcome.job().jobStatus()).isEqualTo("Dispatched");
			assertThat(outcome.assignments()).extracting(a -> a.technicianId() + ":" + a.active())
				.containsExactly("6001:true", "6002:false");
		}
		ST.verify(1, postRequestedFor(url(dispatch + "/assign-technicians"))
			.withRequestBody(equalToJson("{\"jobAppointmentId\":82000001,\"technicianIds\":[6001,6003]}")));
		ST.verify(1, postRequestedFor(url(dispatch + "/unassign-technicians"))
			.withRequestBody(equalToJson("{\"jobAppointmentId\":82000001,\"technicianIds\":[6002]}")));
		assertEverySentRequestValid(tenant);
	}

	@Test
	void reschedulesAndConfirmsAppointments() {

		var tenant = freshTenant();
		var jpm = "/jpm/v2/tenant/" + tenant + "/appointments/82000002";
		ST.stubFor(st("PATCH", jpm + "/reschedule").willReturn(okJson(body(appointmentRecord(82000002,
				"2026-11-22T15:00:00Z", "2026-11-22T17:00:00Z", false)))));
		ST.stubFor(st("PUT", jpm + "/confirmation").willReturn(aResponse().withStatus(200)));
		ST.stubFor(st("GET", jpm).willReturn(okJson(body(appointmentRecord(82000002, "2026-11-22T15:00:00Z",
				"2026-11-22T17:00:00Z", true)))));

		var rescheduled = sendForOutcome(command(tenant, FieldAction.RESCHEDULE_APPOINTMENT, 82000002,
				times(Instant.parse("2026-11-22T15:00:00Z"), Instant.parse("2026-11-22T17:00:00Z"))));
		var confirmed = sendForOutcome(command(tenant, FieldAction.CONFIRM_APPOINTMENT, 82000002, write()));

		assertThat(rescheduled.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(rescheduled.appointment().start()).isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
		assertThat(confirmed.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(confirmed.appointment().id()).isEqualTo(82000002);
		ST.verify(1, patchRequestedFor(url(jpm + "/reschedule"))
			.withRequestBody(equalToJson("{\"start\":\"2026-11-22T15:00:00Z\",\"end\":\"2026-11-22T17:00:00Z\"}")));
		ST.verify(1, putRequestedFor(url(jpm + "/confirmation")));
		assertEverySentRequestValid(tenant);
	}

	@Test
	void sellsAndDismissesEstimates() {

		var tenant = freshTenant();
		var sales = "/sales/v2/tenant/" + tenant + "/estimates";
		ST.stubFor(st("PUT", sales + "/83000001/sell").willReturn(okJson(body(estimateRecord(83000001, 1, "Sold")))));
		ST.stubFor(st("GET", sales + "/83000001").willReturn(okJson(body(estimateRecord(83000001, 1, "Sold")))));
		ST.stubFor(st("PUT", sales + "/83000002/dismiss").willReturn(aResponse().withStatus(200)));
		ST.stubFor(st("GET", sales + "/83000002").willReturn(okJson(body(estimateRecord(83000002, 2, "Dismissed")))));

		var sold = sendForOutcome(command(tenant, FieldAction.SELL_ESTIMATE, 83000001, technicians(null, List.of(6001L))));
		var dismissed = sendForOutcome(command(tenant, FieldAction.DISMISS_ESTIMATE, 83000002, write()));

		assertThat(sold.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(sold.estimate().status().name()).isEqualTo("Sold");
		assertThat(dismissed.estimate().status().name()).isEqualTo("Dismissed");
		ST.verify(1, putRequestedFor(url(sales + "/83000001/sell")).withRequestBody(equalToJson("{\"soldBy\":6001}")));
		ST.verify(1, putRequestedFor(url(sales + "/83000002/dismiss")));
		assertEverySentRequestValid(tenant);
	}

	@Test // a redelivered command does not write twice
	void writesOnceForARedeliveredCommandAndAnnouncesTheSameOutcomeAgain() {

		var tenant = freshTenant();
		var jpm = "/jpm/v2/tenant/" + tenant;
		ST.stubFor(st("PUT", jpm + "/jobs/80000021/hold").willReturn(aResponse().withStatus(200)));
		ST.stubFor(st("GET", jpm + "/jobs/80000021").willReturn(okJson(body(jobRecord(80000021, "Hold")))));
		var command = command(tenant, FieldAction.HOLD_JOB, 80000021, reason(8L, "Parts"));
		send(command);
		outcomes(command, 1);

		send(command);

		var both = outcomes(command, 2);
		assertThat(json.readTree(both.get(1).value())).isEqualTo(json.readTree(both.get(0).value()));
		ST.verify(1, putRequestedFor(url(jpm + "/jobs/80000021/hold")));
	}

	@Test
	void reportsServiceTitansValidationErrorsAsAFailure() {

		var tenant = freshTenant();
		ST.stubFor(st("PUT", "/jpm/v2/tenant/" + tenant + "/jobs/80000031/cancel").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"One or more validation errors occurred.",
					 "status":400,"traceId":"00-1","errors":{"ReasonId":["Cancel reason 99 does not exist."]},"data":{}}""")));

		var outcome = sendForOutcome(command(tenant, FieldAction.CANCEL_JOB, 80000031, reason(99L, null)));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.FAILED);
		assertThat(outcome.stStatus()).isEqualTo(400);
		assertThat(outcome.error()).isEqualTo("One or more validation errors occurred. ReasonId: Cancel reason 99 does not exist.");
		assertThat(outcome.job()).isNull();
		assertThat(outcome.stCalls()).isEqualTo(1);
	}

	@Test
	void answersNotFoundForAnEstimateServiceTitanDoesNotHave() {

		var tenant = freshTenant();
		ST.stubFor(st("PUT", "/sales/v2/tenant/" + tenant + "/estimates/83000404/dismiss").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"type\":\"x\",\"title\":\"Estimate not found\",\"status\":404,\"traceId\":\"1\",\"errors\":{},\"data\":{}}")));

		var outcome = sendForOutcome(command(tenant, FieldAction.DISMISS_ESTIMATE, 83000404, write()));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.NOT_FOUND);
		assertThat(outcome.stStatus()).isEqualTo(404);
		assertThat(outcome.error()).isEqualTo("Estimate not found");
	}

	@Test // 429s past the retries re-queue the command instead of failing it
	void reQueuesACommandThatServiceTitanRateLimitsPastTheRetries() {

		var tenant = freshTenant();
		var path = "/jpm/v2/tenant/" + tenant + "/appointments/82000041/confirmation";
		var scenario = "429-storm-" + tenant;
		// Six 429s: more than the four attempts of one delivery.
		for (var i = 0; i < 6; i++) {
			ST.stubFor(st("PUT", path).inScenario(scenario)
				.whenScenarioStateIs(i == 0 ? Scenario.STARTED : "429-" + i)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("429-" + (i + 1)));
		}
		ST.stubFor(st("PUT", path).inScenario(scenario).whenScenarioStateIs("429-6").willReturn(aResponse().withStatus(200)));
		ST.stubFor(st("GET", "/jpm/v2/tenant/" + tenant + "/appointments/82000041").inScenario(scenario)
			.whenScenarioStateIs("429-4")
			.willReturn(okJson(body(appointmentRecord(82000041, "2026-11-22T15:00:00Z", "2026-11-22T17:00:00Z", false)))));
		ST.stubFor(st("GET", "/jpm/v2/tenant/" + tenant + "/appointments/82000041").inScenario(scenario)
			.whenScenarioStateIs("429-6")
			.willReturn(okJson(body(appointmentRecord(82000041, "2026-11-22T15:00:00Z", "2026-11-22T17:00:00Z", true)))));
		var command = command(tenant, FieldAction.CONFIRM_APPOINTMENT, 82000041, write());

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.appointment().id()).isEqualTo(82000041);
		assertThat(outcomes(command, 1)).as("one outcome, no FAILED before it").hasSize(1);
		ST.verify(7, putRequestedFor(url(path)));
	}

	@Test
	void failsWithoutACallForATenantWithoutCredentials() {

		var outcome = sendForOutcome(command("1234", FieldAction.CONFIRM_APPOINTMENT, 82000051, write()));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.FAILED);
		assertThat(outcome.error()).contains("tenant not configured");
		assertThat(outcome.stStatus()).isNull();
		assertThat(outcome.stCalls()).isZero();
		ST.verify(0, anyRequestedFor(urlPathMatching("/jpm/v2/tenant/1234/.*")));
	}

	@Test
	void sendsMalformedCommandsToTheDeadLetterTopic() {

		var tenant = freshTenant();
		var malformed = List.of(command(tenant, FieldAction.ASSIGN_TECHNICIANS, 80000061, technicians(null, List.of(6001L))),
				command(tenant, FieldAction.UNASSIGN_TECHNICIANS, 80000062, technicians(82000001L, List.of())),
				command(tenant, FieldAction.CANCEL_JOB, 80000063, reason(null, "why")),
				command(tenant, FieldAction.HOLD_JOB, 0, reason(8L, null)));

		try (var deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.ST_COMMANDS))) {
			malformed.forEach(this::send);

			for (var command : malformed) {
				var key = tenant + ":" + command.stId();
				assertThat(deadLetters.await(r -> r.key().equals(key), WAIT)).as(command.action().name()).isNotEmpty();
			}
		}
		ST.verify(0, anyRequestedFor(urlPathMatching("/(jpm|dispatch)/v2/tenant/" + tenant + "/.*")));
		assertThat(syncEvents.drain(Duration.ofMillis(500))).noneMatch(r -> malformed.stream()
			.anyMatch(c -> header(r, "ce_subject").equals(c.commandId().toString())));
	}
}
