package io.lazi.stsimulator.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * Counts traffic per tenant: API calls, the calls answered 429 and token requests. Thread-safe. A
 * tenant appears once it has seen traffic.
 */
@Component
public class TrafficStats {

	private final Map<Long, Counters> tenants = new ConcurrentHashMap<>();

	/**
	 * @param tenant the tenant whose API was called
	 */
	public void apiCall(long tenant) {
		counters(tenant).apiCalls.increment();
	}

	/**
	 * @param tenant the tenant whose API call was answered 429
	 */
	public void rateLimited(long tenant) {
		counters(tenant).rateLimited.increment();
	}

	/**
	 * @param tenant the tenant whose credentials requested a token
	 */
	public void tokenRequest(long tenant) {
		counters(tenant).tokenRequests.increment();
	}

	/**
	 * @return the counts by tenant id, ordered by tenant
	 */
	public Map<Long, TenantTraffic> snapshot() {

		var snapshot = new TreeMap<Long, TenantTraffic>();
		tenants.forEach((tenant, counters) -> snapshot.put(tenant, new TenantTraffic(counters.apiCalls.sum(),
				counters.rateLimited.sum(), counters.tokenRequests.sum())));
		return snapshot;
	}

	/**
	 * Forgets all counts.
	 */
	public void reset() {
		tenants.clear();
	}

	private Counters counters(long tenant) {
		return tenants.computeIfAbsent(tenant, key -> new Counters());
	}

	private static final class Counters {

		private final LongAdder apiCalls = new LongAdder();

		private final LongAdder rateLimited = new LongAdder();

		private final LongAdder tokenRequests = new LongAdder();
	}

	/**
	 * One tenant's counts, as {@code GET /admin/stats} reports them.
	 *
	 * @param apiCalls API calls received for the tenant's paths
	 * @param rateLimited API calls answered 429 (budget exceeded or storm)
	 * @param tokenRequests token requests made with the tenant's client id
	 */
	public record TenantTraffic(long apiCalls, long rateLimited, long tokenRequests) {
	}
}
