package io.lazi.pricebook;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.IncomingEvent;
import io.lazi.platform.kafka.ReceivedEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes records as st-ingest does: CloudEvents from {@value #SOURCE} on the shared broker, each send
 * awaited so a test's next step sees it ordered after the record. Also builds the {@link ReceivedEvent}
 * a listener would get, for calling an application service directly.
 */
public final class StIngestPublisher {

	private static final String SOURCE = "/lazi/st-ingest-service";

	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec codec;

	public StIngestPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this(kafka, json, URI.create(SOURCE));
	}

	/** A publisher that claims to be {@code source}: a forger, when that is not st-ingest. */
	public StIngestPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, URI source) {
		this.kafka = kafka;
		this.codec = new CloudEventCodec(json, source);
	}

	/** Publishes {@code payload} as JSON under {@code eventId}; returns the id. */
	public UUID publish(UUID eventId, String topic, String key, String type, String subject, String tenant,
			Object payload) {
		return publishJson(eventId, topic, key, type, subject, tenant, codec.serialize(payload));
	}

	/** Publishes {@code json} as given (well-formed or not) under {@code eventId}; returns the id. */
	public UUID publishJson(UUID eventId, String topic, String key, String type, String subject, String tenant,
			byte[] json) {

		var record = codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), topic, key, type, subject, tenant,
				json);
		try {
			kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the test record", ex);
		}
		return eventId;
	}

	/** {@code payload} as a listener receives it under {@code eventId} with {@code ce_tenantid} {@code eventTenant}. */
	public static <T extends TenantPayload> ReceivedEvent<T> received(EventType<T> type, String eventId,
			String eventTenant, Object payload) {

		var incoming = new IncomingEvent(eventId, type.name(), SOURCE, null, eventTenant,
				OffsetDateTime.now(ZoneOffset.UTC), new byte[0]);
		return new ReceivedEvent<>(incoming, type, type.cast(payload));
	}
}
