package io.lazi.platform.kafka;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.TenantPayload;

/**
 * An event to publish as a CloudEvent: {@code type} becomes {@code ce_type}, {@code subject}
 * {@code ce_subject}, {@code tenantId} the {@code ce_tenantid} extension; {@code payload} is a
 * contract record from {@code platform-events}, serialised as JSON.
 *
 * @param topic Kafka topic
 * @param key record key, which keeps per-entity order ({@code {tenantId}:{stId}} or {@code {tenantId}})
 */
public record OutgoingEvent(String topic, String key, String type, String subject, String tenantId, Object payload) {

	/**
	 * An event of a registered type: topic, key and {@code ce_type} from the registry, tenant from the
	 * payload.
	 *
	 * @param subject {@code ce_subject}, e.g. the entity's id
	 */
	public static <T extends TenantPayload> OutgoingEvent of(EventType<T> type, String subject, T payload) {
		return new OutgoingEvent(type.topic(), type.key(payload), type.name(), subject, payload.tenantId(), payload);
	}
}
