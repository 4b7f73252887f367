package io.lazi.stingest.command;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;

/**
 * How one field command ended, before counts and times are added.
 *
 * @param stStatus ServiceTitan's HTTP status of the decisive call, {@code null} when none was reached
 * @param error ServiceTitan's error, why no call succeeded, or (on success) why the records could not be read back
 * @param records what the write changed, as ServiceTitan holds it afterwards
 */
record FieldResult(CommandOutcome outcome, @Nullable Integer stStatus, @Nullable String error, Records records) {

	static FieldResult succeeded(int status, Records records) {
		return new FieldResult(CommandOutcome.SUCCEEDED, status, null, records);
	}

	/** ServiceTitan took the write, but reading back what it changed failed ({@code why}). */
	static FieldResult succeededUnread(int status, String why) {
		return new FieldResult(CommandOutcome.SUCCEEDED, status, why, Records.NONE);
	}

	static FieldResult notFound(int status, String error) {
		return new FieldResult(CommandOutcome.NOT_FOUND, status, error, Records.NONE);
	}

	static FieldResult failed(@Nullable Integer status, String error) {
		return new FieldResult(CommandOutcome.FAILED, status, error, Records.NONE);
	}

	/**
	 * ServiceTitan's records after a write; null where the action does not concern them.
	 *
	 * @param assignments the job's appointment assignments, active and not
	 */
	record Records(@Nullable StCustomer customer, @Nullable StJob job, @Nullable StAppointment appointment,
			@Nullable List<StAppointmentAssignment> assignments, @Nullable StEstimate estimate) {

		static final Records NONE = new Records(null, null, null, null, null);

		static Records of(StCustomer customer) {
			return new Records(customer, null, null, null, null);
		}

		static Records of(StJob job) {
			return new Records(null, job, null, null, null);
		}

		static Records of(StJob job, List<StAppointmentAssignment> assignments) {
			return new Records(null, job, null, List.copyOf(assignments), null);
		}

		static Records of(StAppointment appointment) {
			return new Records(null, null, appointment, null, null);
		}

		static Records of(StEstimate estimate) {
			return new Records(null, null, null, null, estimate);
		}
	}
}
