package io.lazi.pricebook.sku;

import java.time.Instant;
import java.util.UUID;

import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.StService;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.pricebook.StIngestPublisher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what st-ingest publishes for SKUs, as real CloudEvents records on the shared broker, and
 * builds the matching {@link ReceivedEvent}s for direct calls.
 */
public final class SkuEvents {

	private final StIngestPublisher publisher;

	public SkuEvents(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.publisher = new StIngestPublisher(kafka, json);
	}

	/** Publishes a fetched service, material or equipment under a new event id; returns the id. */
	public UUID fetched(String tenant, Object sku) {

		var route = route(sku);
		var payload = new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, Instant.now(), sku);
		return publisher.publish(UUID.randomUUID(), route.type().topic(), tenant + ":" + route.stId(),
				route.type().name(), Long.toString(route.stId()), tenant, payload);
	}

	/**
	 * {@code fetched} as the consumer receives it under {@code eventId} with {@code ce_tenantid}
	 * {@code eventTenant}, for calling {@link SkuSync} directly.
	 */
	public static ReceivedEvent<?> received(String eventId, String eventTenant, StRecordFetched<?> fetched) {
		return StIngestPublisher.received(route(fetched.record()).type(), eventId, eventTenant, fetched);
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

	private record Route(EventType<?> type, long stId) {
	}
}
