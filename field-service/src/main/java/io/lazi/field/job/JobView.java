package io.lazi.field.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.field.record.Stored;
import io.lazi.platform.events.StJob;

/**
 * A job as the API serves it (fields as ServiceTitan's {@code JobResponse} names them).
 *
 * @param source {@code servicetitan} (the mirror) or {@code lazi} (a Lazi-owned record)
 * @param jobStatus e.g. {@code Scheduled}, {@code Dispatched}, {@code Working}, {@code Hold}, {@code Completed},
 *        {@code Canceled}
 * @param technicianIds the technicians actively assigned to its appointments, ascending
 */
public record JobView(long id, String source, @Nullable String jobNumber, long customerId, @Nullable Long locationId,
		String jobStatus, long businessUnitId, @Nullable Long jobTypeId, @Nullable String summary,
		@Nullable BigDecimal total, List<Long> technicianIds, @Nullable Instant completedOn, @Nullable Instant createdOn,
		@Nullable Instant modifiedOn) {

	static JobView of(Stored<StJob> stored, List<Long> technicianIds) {
		var j = stored.record();
		return new JobView(j.id(), stored.source().wire(), j.jobNumber(), j.customerId(), j.locationId(), j.jobStatus(),
				j.businessUnitId(), j.jobTypeId(), j.summary(), j.total(), technicianIds, j.completedOn(), j.createdOn(),
				j.modifiedOn());
	}
}
