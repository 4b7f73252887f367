package io.lazi.crm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RuleApplicationsUnitTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RuleApplications applications = new RuleApplications(meters);

	@Test
	void namesTheRuleOfEveryReasonTheRulesGiveAndNoneForOtherMoves() {

		assertThat(List.of("job-created", "appointment-scheduled", "estimate-sent", "estimate-sold", "estimate-dismissed",
				"install-job-created", "install-job-working"))
			.map(reason -> RuleApplications.rule(reason).orElseThrow())
			.containsExactlyElementsOf(RuleApplications.RULES);
		assertThat(RuleApplications.rule("install-job-hold")).hasValue("install-status");
		assertThat(RuleApplications.rule("manual")).isEmpty();
		assertThat(RuleApplications.rule("unchanged")).isEmpty();
	}

	@Test
	void countsEachRulesMovesAndNoManualOnes() {

		applications.count(List.of(move(Stage.CONTACTED, "job-created"), move(Stage.JOB_SOLD, "estimate-sold"),
				move(Stage.CONTACTED, "job-created"), move(Stage.ESTIMATE_FOLLOW_UP, "manual")));

		assertThat(applied("contacted")).isEqualTo(2);
		assertThat(applied("job-sold")).isEqualTo(1);
		assertThat(meters.get("lazi.crm.rule.applications").counters()).hasSize(RuleApplications.RULES.size())
			.extracting(counter -> counter.count())
			.containsOnly(0.0, 1.0, 2.0)
			.satisfies(counts -> assertThat(counts.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(3));
	}

	private double applied(String rule) {
		return meters.get("lazi.crm.rule.applications").tag("rule", rule).counter().count();
	}

	private static StageMove move(Stage to, String reason) {
		return new StageMove(UUID.randomUUID(), 7L, null, to, reason, Trigger.record("job", 10), null, 10L, null,
				OffsetDateTime.now());
	}
}
