package io.lazi.platform.kafka;

import java.util.Optional;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.TenantPayload;

/**
 * A CloudEvent decoded through the registry ({@link io.lazi.platform.events.Events}): its attributes, its
 * registered type and its payload record. Obtained from {@link CloudEventCodec#decode}; checked with
 * {@link #verified()}, or with {@link ConsumedMessages#accept} where it is applied exactly once.
 *
 * @param cloudEvent the {@code ce_*} attributes and the raw JSON
 * @param type the registered type named by {@code ce_type}
 * @param payload the JSON payload read as {@code type}'s record
 * @param <T> the payload record
 */
public record ReceivedEvent<T extends TenantPayload>(IncomingEvent cloudEvent, EventType<T> type, T payload) {

	static <T extends TenantPayload> ReceivedEvent<T> of(IncomingEvent cloudEvent, EventType<T> type, Object payload) {
		return new ReceivedEvent<>(cloudEvent, type, type.cast(payload));
	}

	/** The CloudEvents id ({@code ce_id}), unique per event. */
	public String id() {
		return cloudEvent.id();
	}

	/**
	 * The payload's tenant; call after {@link #verified()}, which guarantees it is present and equal to
	 * {@code ce_tenantid}.
	 */
	public String tenantId() {
		return payload.tenantId();
	}

	/**
	 * This event as one carrying {@code payloadClass}; empty when it carries another record. Lets a
	 * consumer hand a typed event to the service that applies it.
	 */
	@SuppressWarnings("unchecked")
	public <P extends TenantPayload> Optional<ReceivedEvent<P>> as(Class<P> payloadClass) {
		return payloadClass.isInstance(payload) ? Optional.of((ReceivedEvent<P>) this) : Optional.empty();
	}

	/**
	 * This event, checked: the payload names a tenant, the {@code ce_tenantid} header names the same one,
	 * and every required field of the payload is present.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (a poison record: it skips the
	 *         retries and goes to {@code <topic>-dlt})
	 */
	public ReceivedEvent<T> verified() {

		var tenant = payload.tenantId();
		if (tenant == null || tenant.isBlank()) {
			throw new IllegalArgumentException("Event " + id() + " (" + type + ") carries no tenantId");
		}
		if (!tenant.equals(cloudEvent.tenantId())) {
			throw new IllegalArgumentException("Event " + id() + " has ce_tenantid " + cloudEvent.tenantId()
					+ " but its payload is for tenant " + tenant);
		}
		var missing = type.missingFields(payload);
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("Event " + id() + " (" + type + ") lacks " + String.join(", ", missing));
		}
		return this;
	}
}
