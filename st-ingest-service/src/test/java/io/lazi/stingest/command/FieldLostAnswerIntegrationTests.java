package io.lazi.stingest.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.StAddress;

/**
 * A field write whose answer was lost (the connection reset, a 5xx after the write) or whose command resumes after a
 * crash is reconciled by reading ServiceTitan, never sent a second time; one ServiceTitan shows not applied is sent again.
 */
class FieldLostAnswerIntegrationTests extends FieldCommandTestSupport {

	@Test
	void readsTheAssignmentsInsteadOfAssigningAgainWhenTheAnswerIsLost() {

		var tenant = freshTenant();
		var dispatch = "/dispatch/v2/tenant/" + tenant + "/appointment-assignments";
		ST.stubFor(st("POST", dispatch + "/assign-technicians").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		ST.stubFor(st("GET", dispatch).withQueryParam("appointmentIds", equalTo("82000101"))
			.willReturn(okJson(page(assignment(11, 6001, 82000101, true), assignment(12, 6002, 82000101, true)))));
		ST.stubFor(st("GET", dispatch).withQueryParam("jobId", equalTo("80000101"))
			.willReturn(okJson(page(assignment(11, 6001, 82000101, true), assignment(12, 6002, 82000101, true)))));
		ST.stubFor(st("GET", "/jpm/v2/tenant/" + tenant + "/jobs/80000101").willReturn(okJson(body(jobRecord(80000101,
				"Dispatched")))));

		var outcome = sendForOutcome(command(tenant, FieldAction.ASSIGN_TECHNICIANS, 80000101,
				technicians(82000101L, List.of(6001L, 6002L))));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.assignments()).hasSize(2);
		ST.verify(1, postRequestedFor(url(dispatch + "/assign-technicians")));
		assertEverySentRequestValid(tenant);
	}

	@Test
	void cancelsAgainOnlyWhenTheJobShowsTheCancelDidNotHappen() {

		var tenant = freshTenant();
		var job = "/jpm/v2/tenant/" + tenant + "/jobs/80000102";
		var scenario = "503-" + tenant;
		ST.stubFor(st("PUT", job + "/cancel").inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		ST.stubFor(st("PUT", job + "/cancel").inScenario(scenario)
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200))
			.willSetStateTo("canceled"));
		ST.stubFor(st("GET", job).inScenario(scenario).whenScenarioStateIs("up")
			.willReturn(okJson(body(jobRecord(80000102, "Scheduled")))));
		ST.stubFor(st("GET", job).inScenario(scenario).whenScenarioStateIs("canceled")
			.willReturn(okJson(body(jobRecord(80000102, "Canceled")))));

		var outcome = sendForOutcome(command(tenant, FieldAction.CANCEL_JOB, 80000102, reason(7L, "No longer needed")));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.job().jobStatus()).isEqualTo("Canceled");
		ST.verify(2, putRequestedFor(url(job + "/cancel")));
		// the 503, the read showing no cancel, the second PUT, the read-back
		assertThat(outcome.stCalls()).isEqualTo(4);
	}

	@Test
	void findsAJobUpdateAppliedBehindA5xxAndDoesNotPatchAgain() {

		var tenant = freshTenant();
		var job = "/jpm/v2/tenant/" + tenant + "/jobs/80000103";
		ST.stubFor(st("PATCH", job).willReturn(aResponse().withStatus(502)));
		ST.stubFor(st("GET", job).willReturn(okJson(body(jobRecord(80000103, "Scheduled")))));

		var outcome = sendForOutcome(command(tenant, FieldAction.UPDATE_JOB, 80000103, job("Leak", 5001L, "Normal")));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.job().summary()).isEqualTo("Leak");
		ST.verify(1, patchRequestedFor(url(job)));
	}

	@Test
	void treatsADismissWhoseAnswerIsLostAsDoneOnceTheEstimateIsDismissed() {

		var tenant = freshTenant();
		var estimate = "/sales/v2/tenant/" + tenant + "/estimates/83000104";
		ST.stubFor(st("PUT", estimate + "/dismiss").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		ST.stubFor(st("GET", estimate).willReturn(okJson(body(estimateRecord(83000104, 2, "Dismissed")))));

		var outcome = sendForOutcome(command(tenant, FieldAction.DISMISS_ESTIMATE, 83000104, write()));

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.stStatus()).isEqualTo(200);
		assertThat(outcome.estimate().status().value()).isEqualTo(2);
		ST.verify(1, putRequestedFor(url(estimate + "/dismiss")));
	}

	@Test // a crash between the ServiceTitan call and the outcome does not create the customer twice
	void reusesTheCustomerALostCreateMadeInsteadOfPostingAgain() {

		var tenant = freshTenant();
		var crm = "/crm/v2/tenant/" + tenant;
		var command = command(tenant, FieldAction.CREATE_CUSTOMER, -6,
				customer("Jo Park", "Residential", new StAddress("2 Pine St", null, "Mesa", "AZ", "85001", "USA")));
		var startedAt = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
		recordStarted(command, startedAt);
		var made = new java.util.HashMap<>(customerRecord(70000104, "Jo Park", "2 Pine St", ""));
		made.put("createdOn", startedAt.plusSeconds(1).toString());
		var older = new java.util.HashMap<>(customerRecord(70000004, "Jo Park", "2 Pine St", ""));
		older.put("createdOn", startedAt.minus(1, ChronoUnit.DAYS).toString());
		var namesake = new java.util.HashMap<>(customerRecord(70000105, "Jo Parker", "2 Pine St", ""));
		namesake.put("createdOn", startedAt.plusSeconds(2).toString());
		ST.stubFor(st("GET", crm + "/customers").withQueryParam("name", equalTo("Jo Park"))
			.withQueryParam("createdOnOrAfter", equalTo(startedAt.minusSeconds(60).toString()))
			.willReturn(okJson(page(older, made, namesake))));
		ST.stubFor(st("GET", crm + "/customers/70000104").willReturn(okJson(body(made))));
		ST.stubFor(st("GET", crm + "/customers/70000104/contacts").willReturn(okJson(page())));
		ST.stubFor(st("POST", crm + "/customers").willReturn(aResponse().withStatus(500)));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.stId()).isEqualTo(-6);
		assertThat(outcome.customer().id()).isEqualTo(70000104);
		ST.verify(0, postRequestedFor(url(crm + "/customers")));
		assertEverySentRequestValid(tenant);
	}

	@Test
	void confirmsAResumedCommandOnlyWhenTheAppointmentIsNotConfirmedYet() {

		var tenant = freshTenant();
		var jpm = "/jpm/v2/tenant/" + tenant + "/appointments/";
		ST.stubFor(st("GET", jpm + "82000105").willReturn(okJson(body(appointmentRecord(82000105, "2026-11-22T15:00:00Z",
				"2026-11-22T17:00:00Z", true)))));
		ST.stubFor(st("GET", jpm + "82000106").inScenario("confirm-" + tenant).whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(body(appointmentRecord(82000106, "2026-11-22T15:00:00Z", "2026-11-22T17:00:00Z", false)))));
		ST.stubFor(st("PUT", jpm + "82000106/confirmation").inScenario("confirm-" + tenant)
			.willReturn(aResponse().withStatus(200)).willSetStateTo("confirmed"));
		ST.stubFor(st("GET", jpm + "82000106").inScenario("confirm-" + tenant).whenScenarioStateIs("confirmed")
			.willReturn(okJson(body(appointmentRecord(82000106, "2026-11-22T15:00:00Z", "2026-11-22T17:00:00Z", true)))));
		var done = command(tenant, FieldAction.CONFIRM_APPOINTMENT, 82000105, write());
		var notDone = command(tenant, FieldAction.CONFIRM_APPOINTMENT, 82000106, write());
		var startedAt = Instant.now().minusSeconds(20);
		recordStarted(done, startedAt);
		recordStarted(notDone, startedAt);

		var found = sendForOutcome(done);
		var sent = sendForOutcome(notDone);

		assertThat(found.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(sent.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		ST.verify(0, putRequestedFor(url(jpm + "82000105/confirmation")));
		ST.verify(1, putRequestedFor(url(jpm + "82000106/confirmation")));
		ST.verify(2, getRequestedFor(url(jpm + "82000106")));
	}

	@Test
	void reschedulesAResumedCommandOnlyWhenTheAppointmentStillHasItsOldTimes() {

		var tenant = freshTenant();
		var appointment = "/jpm/v2/tenant/" + tenant + "/appointments/82000107";
		// ServiceTitan writes fractions the command did not: still the same instants.
		ST.stubFor(st("GET", appointment).willReturn(okJson(body(appointmentRecord(82000107, "2026-11-23T15:00:00.000Z",
				"2026-11-23T17:00:00.0000000Z", false)))));
		var command = command(tenant, FieldAction.RESCHEDULE_APPOINTMENT, 82000107,
				times(Instant.parse("2026-11-23T15:00:00Z"), Instant.parse("2026-11-23T17:00:00Z")));
		recordStarted(command, Instant.now().minusSeconds(5));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.appointment().end()).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
		ST.verify(0, patchRequestedFor(url(appointment + "/reschedule")));
	}
}
