package io.lazi.stsimulator.gateway;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A sliding-window log per tenant: a call is allowed when fewer than the budget's calls were allowed
 * in the window before it. Thread-safe; each tenant's log is guarded by its own lock and holds at
 * most {@code requests} timestamps.
 */
final class TenantRateLimiter {

	private final int requests;

	private final long windowNanos;

	private final LongSupplier nanoTime;

	private final Map<Long, ArrayDeque<Long>> logs = new ConcurrentHashMap<>();

	TenantRateLimiter(RateLimitSettings settings, LongSupplier nanoTime) {

		this.requests = settings.requests();
		this.windowNanos = settings.window().toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes one call from the tenant's budget if it has room.
	 *
	 * @param tenant the tenant
	 * @return 0 when the call is allowed, otherwise the whole seconds (at least 1) until it would be
	 */
	long tryAcquire(long tenant) {

		var log = logs.computeIfAbsent(tenant, key -> new ArrayDeque<>());
		synchronized (log) {
			var now = nanoTime.getAsLong();
			while (!log.isEmpty() && now - log.peekFirst() >= windowNanos) {
				log.pollFirst();
			}
			if (log.size() < requests) {
				log.addLast(now);
				return 0;
			}
			var waitNanos = log.peekFirst() + windowNanos - now;
			return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
		}
	}
}
