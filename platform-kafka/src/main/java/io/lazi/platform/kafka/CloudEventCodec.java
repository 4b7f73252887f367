package io.lazi.platform.kafka;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads CloudEvents 1.0 in Kafka binary mode with the CloudEvents SDK: attributes in
 * {@code ce_*} headers (tenant in the {@code ce_tenantid} extension), JSON payload as the record
 * value. Thread-safe.
 */
public final class CloudEventCodec {

	/** Name of the tenant extension attribute; on the wire the header is {@code ce_tenantid}. */
	public static final String TENANT_EXTENSION = "tenantid";

	private final JsonMapper json;

	private final URI source;

	/**
	 * @param source {@code ce_source} of everything this service publishes, e.g. {@code /lazi/pricebook-service}
	 */
	public CloudEventCodec(JsonMapper json, URI source) {
		this.json = json;
		this.source = source;
	}

	/** A producer record for {@code event} with the given id and time. */
	public ProducerRecord<String, byte[]> toRecord(UUID id, OffsetDateTime time, String topic, String key, String type,
			String subject, String tenantId, byte[] jsonPayload) {

		var event = CloudEventBuilder.v1()
			.withId(id.toString())
			.withType(type)
			.withSource(source)
			.withTime(time)
			.withSubject(subject)
			.withExtension(TENANT_EXTENSION, tenantId)
			.withDataContentType("application/json")
			.withData(jsonPayload)
			.build();
		return KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
	}

	/** JSON bytes of a payload record. */
	public byte[] serialize(Object payload) {
		return json.writeValueAsBytes(payload);
	}

	/**
	 * Reads a binary-mode CloudEvent.
	 *
	 * @throws IllegalArgumentException when the record carries no valid CloudEvent headers
	 */
	public IncomingEvent read(ConsumerRecord<String, byte[]> record) {

		MessageReader reader = KafkaMessageFactory.createReader(record);
		var event = reader.toEvent();
		var tenant = event.getExtension(TENANT_EXTENSION);
		var data = event.getData() == null ? new byte[0] : Objects.requireNonNull(event.getData()).toBytes();
		return new IncomingEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
				tenant == null ? null : tenant.toString(), event.getTime(), data);
	}

	/** The payload of {@code event} as {@code type}; fails with Jackson's exception on malformed JSON. */
	public <T> T payload(IncomingEvent event, Class<T> type) {
		return json.readValue(event.data(), type);
	}
}
