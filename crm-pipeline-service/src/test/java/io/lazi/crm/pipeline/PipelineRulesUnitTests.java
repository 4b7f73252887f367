package io.lazi.crm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.lazi.crm.pipeline.CustomerFacts.Appointment;
import io.lazi.crm.pipeline.CustomerFacts.Estimate;
import io.lazi.crm.pipeline.CustomerFacts.Job;

class PipelineRulesUnitTests {

	private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

	private final PipelineRules rules = new PipelineRules(Duration.ofDays(14));

	private static final Job SALES_JOB = new Job(10, Pipeline.SALES, "Scheduled", NOW.minus(Duration.ofDays(3)));

	@Test // GH-5 step 1
	void createsAnOpportunityInContactedForARecentJob() {

		var derived = rules.derive(facts(List.of(SALES_JOB), List.of(), List.of()), null, NOW).orElseThrow();

		assertThat(derived.stage()).isEqualTo(Stage.CONTACTED);
		assertThat(derived.title()).isEqualTo("Jane Pool");
		assertThat(derived.trigger()).isEqualTo(new Trigger("job", "10"));
	}

	@Test // GH-5 step 1
	void createsNoOpportunityForAnOldJobOrAnUnmappedBusinessUnit() {

		var old = new Job(10, Pipeline.SALES, "Completed", NOW.minus(Duration.ofDays(15)));
		var unmapped = new Job(11, null, "Scheduled", NOW);

		assertThat(rules.derive(facts(List.of(old, unmapped), List.of(), List.of()), null, NOW)).isEmpty();
	}

	@Test // GH-5 step 2
	void movesToAppointmentScheduledWhenTheJobHasAnAppointment() {

		var derived = rules.derive(facts(List.of(SALES_JOB), List.of(new Appointment(20, 10, "Scheduled")), List.of()),
				current(Stage.CONTACTED), NOW).orElseThrow();

		assertThat(derived.stage()).isEqualTo(Stage.APPOINTMENT_SCHEDULED);
		assertThat(derived.reason()).isEqualTo("appointment-scheduled");
	}

	@Test // GH-5 step 3
	void movesToProposalSentWithTheEstimateNameAndValue() {

		var derived = rules.derive(facts(List.of(SALES_JOB), List.of(), List.of(estimate(30, Estimate.OPEN, "1000.00"))),
				current(Stage.APPOINTMENT_SCHEDULED), NOW).orElseThrow();

		assertThat(derived.stage()).isEqualTo(Stage.PROPOSAL_SENT);
		assertThat(derived.title()).isEqualTo("Pool heater - $1080.00");
		assertThat(derived.monetaryValue()).isEqualByComparingTo("1080.00");
		assertThat(derived.trigger()).isEqualTo(new Trigger("estimate", "30"));
	}

	@Test // GH-5 step 4
	void movesToJobSoldOrEstimateLost() {

		var sold = rules.derive(facts(List.of(SALES_JOB), List.of(), List.of(estimate(30, Estimate.SOLD, "500"))),
				current(Stage.PROPOSAL_SENT), NOW).orElseThrow();
		var lost = rules.derive(facts(List.of(SALES_JOB), List.of(), List.of(estimate(30, Estimate.DISMISSED, "500"))),
				current(Stage.PROPOSAL_SENT), NOW).orElseThrow();

		assertThat(sold.stage()).isEqualTo(Stage.JOB_SOLD);
		assertThat(sold.stage().status()).isEqualTo(OpportunityStatus.WON);
		assertThat(lost.stage()).isEqualTo(Stage.ESTIMATE_LOST);
		assertThat(lost.stage().status()).isEqualTo(OpportunityStatus.LOST);
	}

	@Test // GH-5 step 3, protected stages
	void keepsEstimateLostAgainstALaterOpenEstimate() {

		var estimates = List.of(estimate(30, Estimate.DISMISSED, "500"), estimate(31, Estimate.OPEN, "900"));

		var derived = rules.derive(facts(List.of(SALES_JOB), List.of(), estimates), current(Stage.ESTIMATE_LOST), NOW)
			.orElseThrow();

		assertThat(derived.stage()).isEqualTo(Stage.ESTIMATE_LOST);
		assertThat(PipelineRules.protect(Stage.JOB_SOLD, derived.withStage(Stage.PROPOSAL_SENT)).stage())
			.isEqualTo(Stage.JOB_SOLD);
	}

	@Test // GH-5 step 5
	void movesToTheInstallPipelineForAnInstallJob() {

		var install = new Job(40, Pipeline.INSTALL, "Pending", NOW);

		var derived = rules.derive(facts(List.of(SALES_JOB, install), List.of(), List.of()), current(Stage.JOB_SOLD),
				NOW).orElseThrow();

		assertThat(derived.stage()).isEqualTo(Stage.JOB_CREATED);
		assertThat(derived.stage().pipeline()).isEqualTo(Pipeline.INSTALL);
	}

	@ParameterizedTest // GH-5 step 6
	@CsvSource({ "Scheduled, READY_FOR_INSTALL", "Dispatched, READY_FOR_INSTALL", "Working, IN_PROGRESS",
			"InProgress, IN_PROGRESS", "Hold, ON_HOLD", "Completed, JOB_COMPLETED", "Canceled, JOB_CREATED" })
	void mapsTheInstallJobStatusToItsStage(String status, Stage stage) {

		var install = new Job(40, Pipeline.INSTALL, status, NOW);

		assertThat(rules.derive(facts(List.of(install), List.of(), List.of()), null, NOW).orElseThrow().stage())
			.isEqualTo(stage);
	}

	@Test
	void keepsAManualStageUntilARuleMovesForward() {

		var open = facts(List.of(SALES_JOB), List.of(), List.of(estimate(30, Estimate.OPEN, "500")));
		var sold = facts(List.of(SALES_JOB), List.of(), List.of(estimate(30, Estimate.SOLD, "500")));

		assertThat(rules.derive(open, current(Stage.ESTIMATE_FOLLOW_UP), NOW).orElseThrow().stage())
			.isEqualTo(Stage.ESTIMATE_FOLLOW_UP);
		assertThat(rules.derive(sold, current(Stage.ESTIMATE_FOLLOW_UP), NOW).orElseThrow().stage())
			.isEqualTo(Stage.JOB_SOLD);
	}

	@Test
	void allowsManualMovesForwardIntoManualStagesOnly() {

		assertThat(PipelineRules.refuseManualMove(Stage.PROPOSAL_SENT, Stage.ESTIMATE_FOLLOW_UP)).isEmpty();
		assertThat(PipelineRules.refuseManualMove(Stage.JOB_CREATED, Stage.PRE_INSTALL_PLANNING)).isEmpty();
		assertThat(PipelineRules.refuseManualMove(Stage.JOB_SOLD, Stage.ESTIMATE_FOLLOW_UP)).isPresent();
		assertThat(PipelineRules.refuseManualMove(Stage.READY_FOR_INSTALL, Stage.PRE_INSTALL_PLANNING)).isPresent();
		assertThat(PipelineRules.refuseManualMove(Stage.CONTACTED, Stage.PRE_INSTALL_PLANNING)).isPresent();
		assertThat(PipelineRules.refuseManualMove(Stage.CONTACTED, Stage.PROPOSAL_SENT)).isPresent();
	}

	private static CustomerFacts facts(List<Job> jobs, List<Appointment> appointments, List<Estimate> estimates) {
		return new CustomerFacts(7, "Jane Pool", jobs, appointments, estimates);
	}

	private static Estimate estimate(long id, int status, String subtotal) {
		var value = new BigDecimal(subtotal);
		return new Estimate(id, 10L, "Pool heater", status, value.add(value.multiply(new BigDecimal("0.08"))));
	}

	private static Opportunity current(Stage stage) {
		return new Opportunity(UUID.randomUUID(), 7L, stage, "Jane Pool", null, 10L, null, false);
	}
}
