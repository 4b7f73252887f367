package io.lazi.faultharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A seed names one schedule, so that a failing run can be replayed; every fault class comes once first. */
class FaultScheduleUnitTests {

	private static final List<String> INSTANCES = List.of("pricebook-service", "pricebook-service-2", "st-ingest-service");

	@Test
	void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {

		var first = draw(7, 20, true);

		assertThat(draw(7, 20, true)).isEqualTo(first);
		assertThat(draw(8, 20, true)).isNotEqualTo(first);
	}

	@Test
	void drawsEveryFaultClassOnceBeforeRepeatingAnyWithinTheSpan() {

		var schedule = draw(1, FaultSchedule.Kind.values().length, true);

		assertThat(schedule.faults()).extracting(FaultSchedule.Fault::kind).containsExactlyInAnyOrder(FaultSchedule.Kind.values());
		assertThat(schedule.faults()).allSatisfy(fault -> assertThat(fault.at()).isBetween(Duration.ofSeconds(5),
				Duration.ofSeconds(80)));
		assertThat(schedule.faults()).filteredOn(fault -> fault.kind() == FaultSchedule.Kind.KILL)
			.allSatisfy(fault -> assertThat(INSTANCES).contains(fault.target()));
	}

	@Test
	void leavesOutBrokerAndDatabaseRestartsWhenTheStackCannotRestartThem() {

		assertThat(draw(3, 40, false).faults()).extracting(FaultSchedule.Fault::kind)
			.doesNotContain(FaultSchedule.Kind.BROKER_RESTART, FaultSchedule.Kind.DATABASE_RESTART);
	}

	private static FaultSchedule draw(long seed, int count, boolean restarts) {
		return FaultSchedule.draw(seed, Duration.ofSeconds(100), count, INSTANCES, restarts, restarts, Duration.ofSeconds(50),
				Duration.ofSeconds(15));
	}
}
