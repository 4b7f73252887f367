package io.lazi.stsimulator.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What ServiceTitan applied through its category write API, per tenant and category: how many writes
 * (create, update, delete) each category received, so that a caller can check that every pushed change
 * reached ServiceTitan exactly once; and the "write applied, answer lost" fault: the next writes of a
 * tenant are applied, but their caller gets a 504 instead of the answer, as when a connection drops
 * after ServiceTitan committed. Thread-safe.
 */
@Component
public class WriteLedger {

	private final Map<Long, Map<Long, Map<String, Integer>>> writes = new ConcurrentHashMap<>();

	private final Map<Long, Integer> lostAnswers = new ConcurrentHashMap<>();

	/**
	 * Records one applied write.
	 *
	 * @param tenant the tenant
	 * @param categoryId the category written (the new id for a create)
	 * @param method {@code POST}, {@code PATCH} or {@code DELETE}
	 */
	public void applied(long tenant, long categoryId, String method) {
		writes.computeIfAbsent(tenant, key -> new ConcurrentHashMap<>())
			.computeIfAbsent(categoryId, key -> new ConcurrentHashMap<>())
			.merge(method, 1, Integer::sum);
	}

	/**
	 * @param tenant the tenant
	 * @return the applied writes by category id, then by method
	 */
	public Map<Long, Map<String, Integer>> writes(long tenant) {

		var copy = new TreeMap<Long, Map<String, Integer>>();
		writes.getOrDefault(tenant, Map.of()).forEach((id, byMethod) -> copy.put(id, new TreeMap<>(byMethod)));
		return copy;
	}

	/**
	 * Loses the answers of the tenant's next {@code times} applied writes (replacing an earlier plan; 0 cancels it).
	 */
	public void loseAnswers(long tenant, int times) {

		if (times > 0) {
			lostAnswers.put(tenant, times);
		}
		else {
			lostAnswers.remove(tenant);
		}
	}

	/**
	 * Consumes one lost answer of the tenant's plan.
	 * @return whether the answer of the write just applied is to be lost
	 */
	public boolean loseAnswer(long tenant) {

		var lose = new boolean[1];
		lostAnswers.computeIfPresent(tenant, (key, left) -> {
			lose[0] = left > 0;
			return left > 1 ? left - 1 : null;
		});
		return lose[0];
	}

	/** @return the lost answers still planned, by tenant */
	public Map<Long, Integer> plannedLostAnswers() {
		return new TreeMap<>(lostAnswers);
	}

	/** Forgets the counts and the plans. */
	public void reset() {

		writes.clear();
		lostAnswers.clear();
	}
}
