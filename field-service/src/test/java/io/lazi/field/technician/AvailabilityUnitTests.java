package io.lazi.field.technician;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lazi.field.technician.Availability.Interval;

/** The interval arithmetic of availability: shifts joined, time off and appointments cut out. */
class AvailabilityUnitTests {

	private static Interval at(int fromHour, int toHour) {
		return new Interval(Instant.parse("2026-12-08T00:00:00Z").plusSeconds(fromHour * 3600L),
				Instant.parse("2026-12-08T00:00:00Z").plusSeconds(toHour * 3600L));
	}

	@Test
	void joinsOverlappingAndTouchingIntervals() {
		assertThat(Technicians.merge(List.of(at(13, 17), at(8, 12), at(12, 13), at(18, 19))))
			.containsExactly(at(8, 17), at(18, 19));
	}

	@Test
	void cutsWhatIsTakenOutOfTheShifts() {

		assertThat(Technicians.minus(List.of(at(8, 17)), List.of(at(9, 11), at(16, 18)))).containsExactly(at(8, 9),
				at(11, 16));
		assertThat(Technicians.minus(List.of(at(8, 12), at(13, 17)), List.of(at(7, 14)))).containsExactly(at(14, 17));
		assertThat(Technicians.minus(List.of(at(8, 17)), List.of(at(8, 17)))).isEmpty();
		assertThat(Technicians.minus(List.of(at(8, 17)), List.of())).containsExactly(at(8, 17));
	}
}
