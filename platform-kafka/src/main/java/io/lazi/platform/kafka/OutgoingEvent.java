package io.lazi.platform.kafka;

/**
 * An event to publish as a CloudEvent: {@code type} becomes {@code ce_type}, {@code subject}
 * {@code ce_subject}, {@code tenantId} the {@code ce_tenantid} extension; {@code payload} is a
 * contract record from {@code platform-events}, serialised as JSON.
 *
 * @param topic Kafka topic
 * @param key record key, which keeps per-entity order ({@code {tenantId}:{stId}} or {@code {tenantId}})
 */
public record OutgoingEvent(String topic, String key, String type, String subject, String tenantId, Object payload) {
}
