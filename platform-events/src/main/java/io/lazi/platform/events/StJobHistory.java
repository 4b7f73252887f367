package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A job's history ({@code GET /jpm/v2/tenant/{tenant}/jobs/{id}/history}, {@code Jpm.V2.JobHistoryResponse}),
 * read for every job a pull lists and published after it on {@code st.raw.jobs}.
 *
 * @param jobId the job's ServiceTitan id
 * @param history oldest first, as ServiceTitan lists it; never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StJobHistory(long jobId, List<Entry> history) {

	/**
	 * One entry ({@code Jpm.Jobs.JobHistoryItemModel}).
	 *
	 * @param eventType what happened, e.g. {@code Job Booked}, {@code Job Canceled}, {@code Technician Dispatched}
	 * @param date when, UTC
	 * @param employeeId who did it, when ServiceTitan knows
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Entry(long id, String eventType, Instant date, @Nullable Long employeeId, @Nullable String memo) {
	}
}
