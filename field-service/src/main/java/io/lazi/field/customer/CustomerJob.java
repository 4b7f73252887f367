package io.lazi.field.customer;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.lazi.field.record.Stored;
import io.lazi.platform.events.StJob;

/** One of a customer's jobs, as the customer's page lists it; {@code GET /api/v2/jobs/{id}} has the rest. */
public record CustomerJob(long id, String source, @Nullable String jobNumber, @Nullable Long locationId,
		String jobStatus, long businessUnitId, @Nullable String summary, @Nullable BigDecimal total,
		@Nullable Instant createdOn, @Nullable Instant modifiedOn) {

	static CustomerJob of(Stored<StJob> stored) {
		var j = stored.record();
		return new CustomerJob(j.id(), stored.source().wire(), j.jobNumber(), j.locationId(), j.jobStatus(),
				j.businessUnitId(), j.summary(), j.total(), j.createdOn(), j.modifiedOn());
	}
}
