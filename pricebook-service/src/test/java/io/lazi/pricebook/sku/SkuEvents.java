package io.lazi.pricebook.sku;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.StService;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.IncomingEvent;
import io.lazi.platform.kafka.ReceivedEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what st-ingest publishes for SKUs, as real CloudEvents records on the shared broker, and
 * builds the matching {@link ReceivedEvent}s for direct calls.
 */
public final class SkuEvents {

	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec codec;

	public SkuEvents(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.codec = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
	}

	/** Publishes a fetched service, material or equipment under a new event id; returns the id. */
	public UUID fetched(String tenant, Object sku) {

		var eventId = UUID.randomUUID();
		var route = route(sku);
		var payload = new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, Instant.now(), sku);
		var record = codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), route.type().topic(),
				tenant + ":" + route.stId(), route.type().name(), Long.toString(route.stId()), tenant,
				codec.serialize(payload));
		send(record);
		return eventId;
	}

	/**
	 * {@code fetched} as the consumer receives it under {@code eventId} with {@code ce_tenantid}
	 * {@code eventTenant}, for calling {@link SkuSync} directly.
	 */
	public static ReceivedEvent<?> received(String eventId, String eventTenant, StRecordFetched<?> fetched) {
		return received(route(fetched.record()).type(), eventId, eventTenant, fetched);
	}

	/** The payload st-ingest wraps a fetched SKU in. */
	public static <T> StRecordFetched<T> payload(String tenant, T sku) {
		return new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.FULL, Instant.now(), sku);
	}

	private static Route route(Object sku) {
		return switch (sku) {
			case StService s -> new Route(Events.SERVICE_FETCHED, s.id());
			case StMaterial m -> new Route(Events.MATERIAL_FETCHED, m.id());
			case StEquipment e -> new Route(Events.EQUIPMENT_FETCHED, e.id());
			default -> throw new IllegalArgumentException("Not a SKU: " + sku);
		};
	}

	private void send(ProducerRecord<String, byte[]> record) {
		try {
			kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the test record", ex);
		}
	}

	private static <T extends TenantPayload> ReceivedEvent<T> received(EventType<T> type, String eventId,
			String eventTenant, Object payload) {

		var incoming = new IncomingEvent(eventId, type.name(), "/lazi/st-ingest-service", null, eventTenant,
				OffsetDateTime.now(ZoneOffset.UTC), new byte[0]);
		return new ReceivedEvent<>(incoming, type, type.cast(payload));
	}

	private record Route(EventType<?> type, long stId) {
	}
}
