package io.lazi.platform.security.reactive;

import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the open WebSocket sessions of each user and each tenant on this instance and admits a new
 * one only below {@link WebSocketLimits#maxSessionsPerUser()} and {@link WebSocketLimits#maxSessionsPerTenant()}.
 * Refusals count in {@code lazi.websocket.sessions.refused} (tag {@code reason}: {@code user},
 * {@code tenant}). Thread-safe.
 */
final class WebSocketSessions {

	private final ConcurrentHashMap<String, Integer> users = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Integer> tenants = new ConcurrentHashMap<>();

	private final WebSocketLimits limits;

	private final Counter userRefusals;

	private final Counter tenantRefusals;

	WebSocketSessions(WebSocketLimits limits, MeterRegistry meters) {
		this.limits = limits;
		this.userRefusals = meters.counter("lazi.websocket.sessions.refused", "reason", "user");
		this.tenantRefusals = meters.counter("lazi.websocket.sessions.refused", "reason", "tenant");
	}

	/**
	 * Counts one more session of {@code user} in {@code tenant}, unless either is full.
	 *
	 * @return whether it was admitted; a refusal is counted in the metric
	 */
	synchronized boolean admit(String user, String tenant) {

		if (users.getOrDefault(user, 0) >= limits.maxSessionsPerUser()) {
			userRefusals.increment();
			return false;
		}
		if (tenants.getOrDefault(tenant, 0) >= limits.maxSessionsPerTenant()) {
			tenantRefusals.increment();
			return false;
		}
		users.merge(user, 1, Integer::sum);
		tenants.merge(tenant, 1, Integer::sum);
		return true;
	}

	/** Counts one admitted session of {@code user} in {@code tenant} as ended (or never started). */
	synchronized void release(String user, String tenant) {
		users.computeIfPresent(user, (key, count) -> count == 1 ? null : count - 1);
		tenants.computeIfPresent(tenant, (key, count) -> count == 1 ? null : count - 1);
	}
}
