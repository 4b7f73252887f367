package io.lazi.stsimulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Failures scripted for chosen calls, unlike the random {@link FaultKnobs#drawError() error rate}:
 * {@link WriteFault}s for write calls and one {@link ThrottlePlan} per tenant. Thread-safe: every
 * decision and its bookkeeping happen under one lock, so concurrent calls consume a rule exactly as
 * often as it allows.
 */
@Component
public class ScriptedFaults {

	private final List<WriteFault> writeFaults = new ArrayList<>();

	private final Map<Long, ThrottlePlan> plans = new TreeMap<>();

	private final AtomicLong nextId = new AtomicLong(1);

	/**
	 * @param tenant the tenant
	 * @param categoryId the category, null for any write call of the tenant
	 * @param status 409, 500 or 503
	 * @param message the error title
	 * @param times how many calls fail, -1 until reset
	 * @return the rule as stored
	 */
	public WriteFault addWriteFault(long tenant, @Nullable Long categoryId, int status, String message, int times) {
		return addWriteFault(tenant, categoryId, null, status, message, times);
	}

	/**
	 * @param tenant the tenant
	 * @param categoryId the category, or null
	 * @param item the key of the item whose writes fail (e.g. {@code jobs/80000017}), or null; with neither, any
	 *        write call of the tenant fails
	 * @param status 409, 500 or 503
	 * @param message the error title
	 * @param times how many calls fail, -1 until reset
	 * @return the rule as stored
	 */
	public synchronized WriteFault addWriteFault(long tenant, @Nullable Long categoryId, @Nullable String item, int status,
			String message, int times) {

		var fault = new WriteFault(nextId.getAndIncrement(), tenant, categoryId, item, status, message, times);
		writeFaults.add(fault);
		return fault;
	}

	/**
	 * @return the write-fault rules, spent ones included, in the order they were added
	 */
	public synchronized List<WriteFault> writeFaults() {
		return List.copyOf(writeFaults);
	}

	/**
	 * Decides whether a category write call fails, consuming one use of the first matching rule.
	 *
	 * @param tenant the tenant called
	 * @param categoryId the category id in the path, null for a create
	 * @return the rule that fails the call, if any
	 */
	public Optional<WriteFault> failWrite(long tenant, @Nullable Long categoryId) {
		return failWriteOf(tenant, categoryId == null ? null : categoryId.toString());
	}

	/**
	 * Decides whether a write call fails, consuming one use of the first matching rule.
	 *
	 * @param tenant the tenant called
	 * @param item the key of the item written (a category's bare id, else {@code <resource>/<id>}), null for a create
	 * @return the rule that fails the call, if any
	 */
	public synchronized Optional<WriteFault> failWriteOf(long tenant, @Nullable String item) {

		for (var index = 0; index < writeFaults.size(); index++) {
			var fault = writeFaults.get(index);
			if (fault.matches(tenant, item)) {
				writeFaults.set(index, fault.used());
				return Optional.of(fault);
			}
		}
		return Optional.empty();
	}

	/**
	 * @param plan the plan to put in force for its tenant, replacing any earlier one
	 */
	public synchronized void plan(ThrottlePlan plan) {
		plans.put(plan.tenant(), plan);
	}

	/**
	 * @return the plans not yet spent, by tenant
	 */
	public synchronized Map<Long, ThrottlePlan> plans() {
		return Map.copyOf(plans);
	}

	/**
	 * Counts one API call of a tenant against its plan.
	 *
	 * @param tenant the tenant called
	 * @return the {@code Retry-After} seconds when the call is to be answered 429, else 0
	 */
	public synchronized long throttle(long tenant) {

		var plan = plans.get(tenant);
		if (plan == null) {
			return 0;
		}
		var next = plan.next();
		if (next.spent()) {
			plans.remove(tenant);
		}
		else {
			plans.put(tenant, next);
		}
		return plan.afterCalls() > 0 ? 0 : plan.retryAfterSeconds();
	}

	/**
	 * Forgets every write-fault rule.
	 */
	public synchronized void clearWriteFaults() {
		writeFaults.clear();
	}

	/**
	 * Forgets every throttle plan.
	 */
	public synchronized void clearPlans() {
		plans.clear();
	}

	/**
	 * Forgets every rule and plan.
	 */
	public synchronized void reset() {

		clearWriteFaults();
		clearPlans();
	}
}
