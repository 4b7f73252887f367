package io.lazi.stsimulator.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The "write succeeds, answer lost" fault and the count of applied writes per item. A {@link LostAnswer} rule lets
 * a write call (a category write — {@code POST /categories}, {@code PATCH} and {@code DELETE /categories/{id}} — or
 * a CRM, JPM, dispatch or sales write) reach the store, then breaks its answer (the client sees the connection end
 * mid-answer, as after a timeout or a reset), so a client that repeats the call blindly writes twice. Every applied
 * write (2xx, answered or not) counts for its item, so a test tells a write made once from one made twice. Items
 * are named by key: a category by its bare id ({@code "40000001"}), anything else as {@code <resource>/<id>}
 * ({@code "jobs/80000017"}). Thread-safe.
 */
@Component
public class LostAnswers {

	private final List<LostAnswer> rules = new ArrayList<>();

	private final Map<Long, Map<String, Long>> writes = new HashMap<>();

	private final AtomicLong nextId = new AtomicLong(1);

	/**
	 * @param tenant the tenant
	 * @param categoryId the category, null for any write call of the tenant (creates included)
	 * @param times how many answers are lost, -1 until reset
	 * @return the rule as stored
	 */
	public LostAnswer add(long tenant, @Nullable Long categoryId, int times) {
		return add(tenant, categoryId, null, times);
	}

	/**
	 * @param tenant the tenant
	 * @param categoryId the category, or null
	 * @param item the key of the item whose write answers are lost (e.g. {@code jobs/80000017}), or null; with
	 *        neither, any write call of the tenant (creates included)
	 * @param times how many answers are lost, -1 until reset
	 * @return the rule as stored
	 */
	public synchronized LostAnswer add(long tenant, @Nullable Long categoryId, @Nullable String item, int times) {

		var rule = new LostAnswer(nextId.getAndIncrement(), tenant, categoryId, item, times);
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
	 * Records a category write that ServiceTitan applied and decides whether its answer is lost.
	 *
	 * @see #applied(long, String, boolean)
	 */
	public boolean applied(long tenant, long categoryId, boolean create) {
		return applied(tenant, Long.toString(categoryId), create);
	}

	/**
	 * Records a write that ServiceTitan applied and decides whether its answer is lost, consuming one use of the
	 * first matching rule.
	 *
	 * @param tenant the tenant called
	 * @param item the key of the item written (for a create, the new one's)
	 * @param create whether the call was a create (rules naming an item never match it)
	 * @return whether to break the answer
	 */
	public synchronized boolean applied(long tenant, String item, boolean create) {

		writes.computeIfAbsent(tenant, t -> new HashMap<>()).merge(item, 1L, Long::sum);
		for (var index = 0; index < rules.size(); index++) {
			var rule = rules.get(index);
			if (rule.matches(tenant, create ? null : item)) {
				rules.set(index, rule.used());
				return true;
			}
		}
		return false;
	}

	/**
	 * @param tenant the tenant
	 * @return applied category write calls by category id since the last reset, in key order (the bare ids, as
	 *         before other writes were counted)
	 */
	public synchronized Map<String, Long> writes(long tenant) {

		var categories = new TreeMap<String, Long>();
		writes.getOrDefault(tenant, Map.of()).forEach((item, count) -> {
			if (item.chars().allMatch(Character::isDigit)) {
				categories.put(item, count);
			}
		});
		return categories;
	}

	/**
	 * @param tenant the tenant
	 * @return applied write calls by item key since the last reset, in key order: categories by bare id, the rest
	 *         as {@code <resource>/<id>}
	 */
	public synchronized Map<String, Long> allWrites(long tenant) {
		return new TreeMap<>(writes.getOrDefault(tenant, Map.of()));
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
	 * @param categoryId only {@code PATCH}/{@code DELETE} of this category
	 * @param item only writes of the item with this key; with neither {@code categoryId} nor {@code item}, every
	 *        write call of the tenant (creates included)
	 * @param remaining how many more answers are lost; -1 until reset
	 */
	public record LostAnswer(long id, long tenant, @Nullable Long categoryId, @Nullable String item, int remaining) {

		boolean matches(long callTenant, @Nullable String callItem) {
			return remaining != 0 && tenant == callTenant && WriteTargets.matches(categoryId, item, callItem);
		}

		LostAnswer used() {
			return remaining < 0 ? this : new LostAnswer(id, tenant, categoryId, item, remaining - 1);
		}
	}
}
