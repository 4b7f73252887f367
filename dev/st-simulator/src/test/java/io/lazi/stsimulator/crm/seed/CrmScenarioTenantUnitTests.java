package io.lazi.stsimulator.crm.seed;

import java.time.Duration;
import java.time.Instant;

import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.TenantCrm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrmScenarioTenantUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private final TenantCrm data = CrmScenarioTenant.generate(NOW);

	@Test // GH-5
	void coversEveryInstallJobStatusAndEveryEstimateStatus() {

		assertThat(data.jobs()).extracting(Job::jobStatus)
			.contains("Scheduled", "Working", "InProgress", "Hold", "Completed", "Dispatched");
		assertThat(data.estimates()).extracting(Estimate::status)
			.contains(Estimate.OPEN, Estimate.SOLD, Estimate.DISMISSED);
		assertThat(data.estimates()).filteredOn(estimate -> estimate.status().equals(Estimate.SOLD))
			.allSatisfy(estimate -> assertThat(estimate.soldOn()).isNotNull());
	}

	@Test // GH-5
	void modifiesTheReopenedEstimateAfterTheSoldOneOfTheSameJob() {

		var sold = data.estimate(93_000_012L).orElseThrow();
		var open = data.estimate(93_000_112L).orElseThrow();

		assertThat(open.jobId()).isEqualTo(sold.jobId());
		assertThat(open.status()).isEqualTo(Estimate.OPEN);
		assertThat(open.modifiedOn()).isAfter(sold.modifiedOn());
	}

	@Test // GH-5
	void datesOnlyTheLastCaseOutsideTheFourteenDayWindow() {

		assertThat(data.jobs()).filteredOn(job -> job.createdOn().isBefore(NOW.minus(Duration.ofDays(14))))
			.extracting(Job::id)
			.containsExactly(91_000_013L);
	}
}
