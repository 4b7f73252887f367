package io.lazi.platform.events;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * How an event's Kafka record key is built from its payload. Keys keep per-entity order: every event of
 * one entity lands on the same partition.
 *
 * @param pattern the documented shape, {@code {tenantId}} or {@code {tenantId}:{<entity>}}, as the
 *        AsyncAPI channels state it
 * @param entity the entity id after the tenant, {@code null} for a per-tenant key
 * @param <T> the payload record
 */
public record KeyRule<T extends TenantPayload>(String pattern, @Nullable Function<T, Object> entity) {

	/** Key {@code {tenantId}}: one order per tenant. */
	public static <T extends TenantPayload> KeyRule<T> tenant() {
		return new KeyRule<>("{tenantId}", null);
	}

	/**
	 * Key {@code {tenantId}:{name}}: one order per entity.
	 *
	 * @param name the entity id's name in the pattern, e.g. {@code stId}
	 */
	public static <T extends TenantPayload> KeyRule<T> entity(String name, Function<T, Object> id) {
		return new KeyRule<>("{tenantId}:{" + name + "}", id);
	}

	/** The record key of {@code payload}. */
	public String key(T payload) {
		return entity == null ? payload.tenantId() : payload.tenantId() + ":" + entity.apply(payload);
	}
}
