package io.lazi.stsimulator.faults;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * Counts traffic per tenant: API calls (in all and by HTTP method), the calls answered 429, the
 * calls failed by a scripted or random fault, and token requests. Thread-safe. A tenant appears
 * once it has seen traffic.
 */
@Component
public class TrafficStats {

	private final Map<Long, Counters> tenants = new ConcurrentHashMap<>();

	/**
	 * @param tenant the tenant whose API was called
	 * @param method the HTTP method of the call
	 */
	public void apiCall(long tenant, String method) {

		var counters = counters(tenant);
		counters.apiCalls.increment();
		counters.byMethod.computeIfAbsent(method.toUpperCase(Locale.ROOT), key -> new LongAdder()).increment();
	}

	/**
	 * @param tenant the tenant whose API call was answered 429
	 */
	public void rateLimited(long tenant) {
		counters(tenant).rateLimited.increment();
	}

	/**
	 * @param tenant the tenant whose API call was failed on purpose (error rate or scripted fault)
	 */
	public void faultInjected(long tenant) {
		counters(tenant).faultsInjected.increment();
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
		tenants.forEach((tenant, counters) -> {
			var byMethod = new TreeMap<String, Long>();
			counters.byMethod.forEach((method, count) -> byMethod.put(method, count.sum()));
			snapshot.put(tenant, new TenantTraffic(counters.apiCalls.sum(), byMethod, counters.rateLimited.sum(),
					counters.faultsInjected.sum(), counters.tokenRequests.sum()));
		});
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

		private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();

		private final LongAdder rateLimited = new LongAdder();

		private final LongAdder faultsInjected = new LongAdder();

		private final LongAdder tokenRequests = new LongAdder();
	}

	/**
	 * One tenant's counts, as {@code GET /admin/stats} reports them.
	 *
	 * @param apiCalls API calls received for the tenant's paths
	 * @param callsByMethod the same calls by HTTP method ({@code GET}, {@code POST}, {@code PATCH},
	 * {@code DELETE}, ...), only methods seen
	 * @param rateLimited API calls answered 429 (budget exceeded, storm or throttle plan)
	 * @param faultsInjected API calls failed by the error rate or a write fault
	 * @param tokenRequests token requests made with the tenant's client id
	 */
	public record TenantTraffic(long apiCalls, Map<String, Long> callsByMethod, long rateLimited, long faultsInjected,
			long tokenRequests) {
	}
}
