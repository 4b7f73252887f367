package io.lazi.stingest.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.CommandOutcome;

/**
 * A write that ServiceTitan applied but whose answer was lost (the connection reset, a 5xx after the
 * write) is reconciled by reading ServiceTitan, never sent a second time; one it did not apply is sent again.
 */
class LostAnswerCommandIntegrationTests extends CommandTestSupport {

	private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

	@Test
	void readsServiceTitanInsteadOfPatchingAgainWhenTheAnswerOfAnAppliedUpdateIsLost() {

		var tenant = freshTenant();
		ST.stubFor(st("PATCH", tenant, "/categories/430").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		var applied = stored(430, 500L, "Renamed", CREATED);
		ST.stubFor(st("GET", tenant, "/categories/430").willReturn(okJson(json.writeValueAsString(applied))));
		var command = command(tenant, CommandAction.UPDATE_CATEGORY, 430, write("Renamed", null, 1, null, null));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.category()).isEqualTo(applied);
		ST.verify(1, patchRequestedFor(categoriesUrl(tenant, "/categories/430")));
	}

	@Test
	void patchesAgainOnlyWhenServiceTitanShowsTheUpdateDidNotHappen() {

		var tenant = freshTenant();
		var scenario = "503-" + tenant;
		ST.stubFor(st("PATCH", tenant, "/categories/431").inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		var renamed = stored(431, 500L, "Renamed", CREATED);
		ST.stubFor(st("PATCH", tenant, "/categories/431").inScenario(scenario)
			.whenScenarioStateIs("up")
			.willReturn(okJson(json.writeValueAsString(renamed))));
		ST.stubFor(st("GET", tenant, "/categories/431")
			.willReturn(okJson(json.writeValueAsString(stored(431, 500L, "Old name", CREATED)))));
		var command = command(tenant, CommandAction.UPDATE_CATEGORY, 431, write("Renamed", null, null, null, null));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.category().name()).isEqualTo("Renamed");
		ST.verify(2, patchRequestedFor(categoriesUrl(tenant, "/categories/431")));
	}

	@Test
	void findsTheCategoryALostCreateMadeInsteadOfFailingOrCreatingItTwice() {

		var tenant = freshTenant();
		ST.stubFor(st("POST", tenant, "/categories").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		var made = stored(9100, 500L, "Heat Pumps", Instant.now().truncatedTo(ChronoUnit.MILLIS));
		ST.stubFor(st("GET", tenant, "/categories/500")
			.willReturn(okJson(json.writeValueAsString(stored(500, null, "Heating", CREATED, made)))));
		var command = command(tenant, CommandAction.CREATE_CATEGORY, -9, write("Heat Pumps", 500L, null, null, "Services"));

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		assertThat(outcome.category().id()).isEqualTo(9100);
		ST.verify(1, postRequestedFor(categoriesUrl(tenant, "/categories")));
	}

	@Test
	void treatsADeleteWhoseAnswerIsLostAsDoneOnceServiceTitanNoLongerHasTheCategory() {

		var tenant = freshTenant();
		ST.stubFor(st("DELETE", tenant, "/categories/432").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		ST.stubFor(st("GET", tenant, "/categories/432").willReturn(aResponse().withStatus(404)));
		var command = command(tenant, CommandAction.DELETE_CATEGORY, 432, null);

		var outcome = sendForOutcome(command);

		assertThat(outcome.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
		ST.verify(1, deleteRequestedFor(categoriesUrl(tenant, "/categories/432")));
	}
}
