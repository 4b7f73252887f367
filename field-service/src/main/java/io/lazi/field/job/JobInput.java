package io.lazi.field.job;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The body of a job's create (a Lazi-owned job with its first appointment) or update (null fields unchanged).
 *
 * @param customerId required to create; a customer the customers provider shows
 * @param locationId one of the customer's locations; defaults to its first
 * @param priority {@code Low}, {@code Normal}, {@code High} or {@code Urgent}
 * @param start the first appointment's start, UTC; required to create
 * @param end the first appointment's end, after {@code start}; required to create
 */
public record JobInput(@Nullable Long customerId, @Nullable Long locationId, @Nullable Long businessUnitId,
		@Nullable Long jobTypeId, @Nullable String priority, @Nullable String summary, @Nullable Instant start,
		@Nullable Instant end) {
}
