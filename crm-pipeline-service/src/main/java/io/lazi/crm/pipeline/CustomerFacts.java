package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything stored about one ServiceTitan customer that the pipeline rules read.
 *
 * @param customerName {@code null} while the customer record itself has not arrived
 */
record CustomerFacts(long customerId, @Nullable String customerName, List<Job> jobs, List<Appointment> appointments,
		List<Estimate> estimates) {

	/**
	 * @param pipeline from the business unit's name; {@code null} while the business unit is unknown or unmapped
	 */
	record Job(long id, @Nullable Pipeline pipeline, String status, @Nullable Instant createdOn) {
	}

	record Appointment(long id, long jobId, String status) {
	}

	/**
	 * @param statusValue ServiceTitan's status value: Open = 0, Sold = 1, Dismissed = 2
	 * @param value {@code subtotal + tax}, {@code null} when neither is known
	 */
	record Estimate(long id, @Nullable Long jobId, @Nullable String name, @Nullable Integer statusValue,
			@Nullable BigDecimal value) {

		static final int OPEN = 0;

		static final int SOLD = 1;

		static final int DISMISSED = 2;

		boolean hasValue() {
			return value != null && value.signum() > 0;
		}
	}
}
