package io.lazi.pricebook.sku;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.StService;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.IncomingEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what st-ingest publishes for SKUs, as real CloudEvents records on the shared broker, and
 * builds the matching {@link IncomingEvent}s for direct calls.
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
		var record = codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), route.topic(),
				Topics.entityKey(tenant, route.stId()), route.type(), Long.toString(route.stId()), tenant,
				codec.serialize(payload));
		send(record);
		return eventId;
	}

	/** The incoming event a fetched SKU arrives as, for calling {@link SkuSync} directly. */
	public static IncomingEvent incoming(String eventId, String tenant) {
		return new IncomingEvent(eventId, EventTypes.SERVICE_FETCHED, "/lazi/st-ingest-service", null, tenant,
				OffsetDateTime.now(ZoneOffset.UTC), new byte[0]);
	}

	/** The payload st-ingest wraps a fetched SKU in. */
	public static <T> StRecordFetched<T> payload(String tenant, T sku) {
		return new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.FULL, Instant.now(), sku);
	}

	private static Route route(Object sku) {
		return switch (sku) {
			case StService s -> new Route(Topics.ST_RAW_SERVICES, EventTypes.SERVICE_FETCHED, s.id());
			case StMaterial m -> new Route(Topics.ST_RAW_MATERIALS, EventTypes.MATERIAL_FETCHED, m.id());
			case StEquipment e -> new Route(Topics.ST_RAW_EQUIPMENT, EventTypes.EQUIPMENT_FETCHED, e.id());
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

	private record Route(String topic, String type, long stId) {
	}
}
