package io.lazi.stsimulator.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The "write succeeds, answer lost" fault and the count of applied category writes per item. A
 * {@link LostAnswer} rule lets a category write call ({@code POST /categories}, {@code PATCH} and
 * {@code DELETE /categories/{id}}) reach the store, then breaks its answer (the client sees the
 * connection end mid-answer, as after a timeout or a reset), so a client that repeats the call blindly
 * writes twice. Every applied write (2xx, answered or not) counts for its category, so a test tells a
 * write made once from one made twice. Thread-safe.
 */
@Component
public class LostAnswers {

	private final List<LostAnswer> rules = new ArrayList<>();

	private final Map<Long, Map<Long, Long>> writes = new HashMap<>();

	private final AtomicLong nextId = new AtomicLong(1);

	/**
	 * @param tenant the tenant
	 * @param categoryId the category, null for any write call of the tenant (creates included)
	 * @param times how many answers are lost, -1 until reset
	 * @return the rule as stored
	 */
	public synchronized LostAnswer add(long tenant, @Nullable Long categoryId, int times) {

		var rule = new LostAnswer(nextId.getAndIncrement(), tenant, categoryId, times);
		rules.add(rule);
		return rule;
	}

	/**
	 * @return the rules, spent ones included, in the order they were added
	 */
	public synchronized List<LostAnswer> rules() {
		return List.copyOf(rules);
	}

	/**
	 * Records a category write that ServiceTitan applied and decides whether its answer is lost,
	 * consuming one use of the first matching rule.
	 *
	 * @param tenant the tenant called
	 * @param categoryId the category written (for a create, the new one)
	 * @param create whether the call was a create (rules naming a category never match it)
	 * @return whether to break the answer
	 */
	public synchronized boolean applied(long tenant, long categoryId, boolean create) {

		writes.computeIfAbsent(tenant, t -> new HashMap<>()).merge(categoryId, 1L, Long::sum);
		for (var index = 0; index < rules.size(); index++) {
			var rule = rules.get(index);
			if (rule.matches(tenant, create ? null : categoryId)) {
				rules.set(index, rule.used());
				return true;
			}
		}
		return false;
	}

	/**
	 * @param tenant the tenant
	 * @return applied write calls by category id since the last reset
	 */
	public synchronized Map<Long, Long> writes(long tenant) {
		return Map.copyOf(writes.getOrDefault(tenant, Map.of()));
	}

	/**
	 * Forgets every rule; the write counts stay ({@code POST /admin/faults/reset}: faults end, what ServiceTitan
	 * applied is still to be checked).
	 */
	public synchronized void clearRules() {
		rules.clear();
	}

	/**
	 * Forgets every rule and count.
	 */
	public synchronized void reset() {

		rules.clear();
		writes.clear();
	}

	/**
	 * A rule of {@code /admin/faults/lost-answers}.
	 *
	 * @param id the rule's id, assigned by the simulator
	 * @param tenant the tenant whose write answers are lost
	 * @param categoryId only {@code PATCH}/{@code DELETE} of this category; null for every write call of the
	 *        tenant (creates included)
	 * @param remaining how many more answers are lost; -1 until reset
	 */
	public record LostAnswer(long id, long tenant, @Nullable Long categoryId, int remaining) {

		boolean matches(long callTenant, @Nullable Long callCategoryId) {
			return remaining != 0 && tenant == callTenant && (categoryId == null || categoryId.equals(callCategoryId));
		}

		LostAnswer used() {
			return remaining < 0 ? this : new LostAnswer(id, tenant, categoryId, remaining - 1);
		}
	}
}
