package io.lazi.notification.fanout.web;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the open sessions of each user and each tenant on this instance and admits a new one only
 * below {@link WebSocketProperties#maxSessionsPerUser()} and {@link WebSocketProperties#maxSessionsPerTenant()}.
 * Refusals count in {@code lazi.notification.sessions.refused} (tag {@code reason}: {@code user},
 * {@code tenant}). Thread-safe.
 */
@Component
class SessionSlots {

	private final ConcurrentHashMap<String, Integer> users = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Integer> tenants = new ConcurrentHashMap<>();

	private final WebSocketProperties properties;

	private final Counter userRefusals;

	private final Counter tenantRefusals;

	SessionSlots(WebSocketProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.userRefusals = meters.counter("lazi.notification.sessions.refused", "reason", "user");
		this.tenantRefusals = meters.counter("lazi.notification.sessions.refused", "reason", "tenant");
	}

	/**
	 * Counts one more session of {@code user} in {@code tenant}, unless either is full.
	 *
	 * @return whether it was admitted; a refusal is counted in the metric
	 */
	synchronized boolean admit(String user, String tenant) {

		if (users.getOrDefault(user, 0) >= properties.maxSessionsPerUser()) {
			userRefusals.increment();
			return false;
		}
		if (tenants.getOrDefault(tenant, 0) >= properties.maxSessionsPerTenant()) {
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
