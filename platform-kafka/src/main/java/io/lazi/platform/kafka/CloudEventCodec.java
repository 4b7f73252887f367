package io.lazi.platform.kafka;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.KafkaAccess;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads CloudEvents 1.0 in Kafka binary mode with the CloudEvents SDK: attributes in
 * {@code ce_*} headers (tenant in the {@code ce_tenantid} extension), JSON payload as the record
 * value. Incoming events are decoded through the registry ({@link Events}): {@code ce_type} names the
 * payload record and the topic it must arrive on, and {@code ce_source} must be one of that topic's
 * producers ({@link KafkaAccess}). Thread-safe.
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

	/**
	 * Decodes a record whose type every consumer of its topic must know.
	 *
	 * @throws IllegalArgumentException when the record carries no valid CloudEvent headers, its
	 *         {@code ce_source} does not produce the topic, its type is not registered, or is registered for
	 *         another topic
	 * @throws tools.jackson.core.JacksonException when the payload is not the type's JSON
	 */
	public ReceivedEvent<?> decode(ConsumerRecord<String, byte[]> record) {

		var event = read(record);
		return decodeIfKnown(event, record.topic()).orElseThrow(() -> new IllegalArgumentException(
				"Unexpected event type " + event.type() + " on " + record.topic()));
	}

	/**
	 * Decodes a record of a topic that other producers may add types to; empty for a type this version
	 * does not know, which consumers skip.
	 *
	 * @throws IllegalArgumentException when the record carries no valid CloudEvent headers, its
	 *         {@code ce_source} does not produce the topic, or its type is registered for another topic
	 * @throws tools.jackson.core.JacksonException when the payload is not the type's JSON
	 */
	public Optional<ReceivedEvent<?>> decodeIfKnown(ConsumerRecord<String, byte[]> record) {
		return decodeIfKnown(read(record), record.topic());
	}

	private Optional<ReceivedEvent<?>> decodeIfKnown(IncomingEvent event, String topic) {

		checkSource(event, topic);
		var type = Events.find(event.type());
		if (type.isEmpty()) {
			return Optional.empty();
		}
		if (!type.get().topic().equals(topic)) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " belongs on "
					+ type.get().topic() + ", not on " + topic);
		}
		Object payload = json.readValue(event.data(), json.getTypeFactory().constructType(type.get().payloadType()));
		return Optional.of(ReceivedEvent.of(event, type.get(), payload));
	}

	/**
	 * Refuses an event of a platform topic whose {@code ce_source} is not one of the topic's producers
	 * ({@link KafkaAccess}): the broker's ACLs keep other principals from writing the topic, this keeps a
	 * producer from speaking for another. Known and unknown types alike.
	 */
	private static void checkSource(IncomingEvent event, String topic) {

		var access = KafkaAccess.of(topic);
		if (access.isEmpty()) {
			return;
		}
		var sources = access.get().sources();
		if (sources.stream().noneMatch(source -> source.toString().equals(event.source()))) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " has ce_source "
					+ event.source() + ", which does not produce " + topic + " (its producers: "
					+ sources.stream().map(Object::toString).sorted().toList() + ")");
		}
	}
}
