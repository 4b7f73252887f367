package io.lazi.field.job;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The body of a job's status change.
 *
 * @param status {@code Canceled}, {@code Hold} or {@code Completed} for a ServiceTitan job (ServiceTitan moves it
 *        through the others itself); for a Lazi-owned job also {@code Scheduled}, {@code Dispatched},
 *        {@code Working}
 * @param reasonId a cancel or hold reason ({@code /api/v2/job-cancel-reasons}, {@code …/job-hold-reasons}); required
 *        for {@code Canceled} and {@code Hold}
 * @param memo why; required for {@code Canceled} and {@code Hold}
 * @param completedOn when the work was completed, for {@code Completed}; now when absent
 */
public record StatusChange(@Nullable String status, @Nullable Long reasonId, @Nullable String memo,
		@Nullable Instant completedOn) {
}
