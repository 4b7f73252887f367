package io.lazi.platform.kafka;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A CloudEvent read from a Kafka record in binary mode: attributes from the {@code ce_*} headers,
 * {@code data} the raw JSON payload.
 */
public record IncomingEvent(String id, String type, String source, @Nullable String subject, @Nullable String tenantId,
		@Nullable OffsetDateTime time, byte[] data) {
}
