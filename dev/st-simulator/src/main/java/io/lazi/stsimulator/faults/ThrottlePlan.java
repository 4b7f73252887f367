package io.lazi.stsimulator.faults;

/**
 * A scripted burst of 429s for one tenant, as {@code /admin/faults/throttle} carries it: the next
 * {@code afterCalls} API calls of the tenant pass, the {@code count} calls after them are answered
 * 429 with {@code Retry-After: retryAfterSeconds}, then the plan is spent.
 *
 * @param tenant the tenant
 * @param afterCalls calls still to pass before the burst
 * @param count 429s still to answer
 * @param retryAfterSeconds the {@code Retry-After} of each 429, in seconds
 */
public record ThrottlePlan(long tenant, int afterCalls, int count, int retryAfterSeconds) {

	boolean spent() {
		return afterCalls == 0 && count == 0;
	}

	ThrottlePlan next() {
		return afterCalls > 0 ? new ThrottlePlan(tenant, afterCalls - 1, count, retryAfterSeconds)
				: new ThrottlePlan(tenant, 0, count - 1, retryAfterSeconds);
	}
}
