package io.lazi.stsimulator.faults;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptedFaultsUnitTests {

	private final ScriptedFaults faults = new ScriptedFaults();

	@Test
	void failsOnlyTheChosenCategoryAsOftenAsAsked() {

		faults.addWriteFault(7, 42L, 409, "conflict", 2);

		assertThat(faults.failWrite(7, 41L)).isEmpty();
		assertThat(faults.failWrite(8, 42L)).isEmpty();
		assertThat(faults.failWrite(7, null)).isEmpty();
		assertThat(faults.failWrite(7, 42L)).hasValueSatisfying(fault -> assertThat(fault.status()).isEqualTo(409));
		assertThat(faults.failWrite(7, 42L)).isPresent();
		assertThat(faults.failWrite(7, 42L)).isEmpty();
		assertThat(faults.writeFaults()).singleElement().extracting(WriteFault::remaining).isEqualTo(0);
	}

	@Test
	void failsEveryWriteOfTheTenantUntilResetWhenTimesIsMinusOne() {

		faults.addWriteFault(7, null, 503, "down", -1);

		assertThat(IntStream.range(0, 20).filter(call -> faults.failWrite(7, call % 2 == 0 ? null : (long) call).isPresent()))
			.hasSize(20);
		faults.reset();
		assertThat(faults.failWrite(7, null)).isEmpty();
	}

	@Test
	void answersExactlyCount429sAfterTheGivenNumberOfCalls() {

		faults.plan(new ThrottlePlan(7, 3, 2, 5));

		var answers = IntStream.range(0, 8).mapToLong(call -> faults.throttle(7)).boxed().toList();

		assertThat(answers).containsExactly(0L, 0L, 0L, 5L, 5L, 0L, 0L, 0L);
		assertThat(faults.plans()).isEmpty();
		assertThat(faults.throttle(8)).isZero();
	}
}
