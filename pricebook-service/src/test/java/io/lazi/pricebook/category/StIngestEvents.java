package io.lazi.pricebook.category;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.kafka.IncomingEvent;
import io.lazi.platform.kafka.ReceivedEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what st-ingest publishes, as real CloudEvents records on the shared broker, and builds
 * the matching {@link ReceivedEvent}s for direct calls.
 */
public final class StIngestEvents {

	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec codec;

	public StIngestEvents(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.codec = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
	}

	/** A fresh numeric tenant id, so tests sharing the database never see each other's rows. */
	public static String newTenant() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
	}

	/** Publishes {@code root} with its subtree under a new event id; returns the id. */
	public UUID fetched(String tenant, UUID run, SyncType type, StCategory root) {
		return fetched(UUID.randomUUID(), tenant, run, type, root);
	}

	/** Publishes {@code root} with its subtree under {@code eventId} (a re-delivery when reused). */
	public UUID fetched(UUID eventId, String tenant, UUID run, SyncType type, StCategory root) {

		var payload = new CategoryFetched(tenant, run, type, Instant.now(), root);
		send(codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_RAW_CATEGORIES,
				tenant + ":" + root.id(), Events.CATEGORY_FETCHED.name(), Long.toString(root.id()), tenant,
				codec.serialize(payload)));
		return eventId;
	}

	/** Publishes a {@code st.raw.categories} record whose payload is {@code json} as given; returns the event id. */
	public UUID fetchedPayload(String tenant, long rootStId, byte[] json) {

		var eventId = UUID.randomUUID();
		send(codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_RAW_CATEGORIES,
				tenant + ":" + rootStId, Events.CATEGORY_FETCHED.name(), Long.toString(rootStId), tenant, json));
		return eventId;
	}

	/** Publishes the completion of a {@code pricebook.categories} run; returns the event id. */
	public UUID completed(String tenant, UUID run, SyncType type, int rootCount, List<Long> rootStIds) {
		return completed(UUID.randomUUID(), tenant, run, type, rootCount, rootStIds);
	}

	public UUID completed(UUID eventId, String tenant, UUID run, SyncType type, int rootCount, List<Long> rootStIds) {

		var now = Instant.now();
		var payload = new SyncCompleted(tenant, run, "pricebook.categories", type, now.minusSeconds(5), now, 5_000,
				rootCount, 0, 0, rootCount, 0, rootStIds);
		send(codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), Topics.SYNC_EVENTS, tenant,
				Events.SYNC_COMPLETED.name(), run.toString(), tenant, codec.serialize(payload)));
		return eventId;
	}

	/**
	 * {@code root} with its subtree as the consumer receives it from a full run, for calling the application
	 * service directly.
	 */
	public static ReceivedEvent<CategoryFetched> received(String tenant, StCategory root) {

		var fetched = new CategoryFetched(tenant, UUID.randomUUID(), SyncType.FULL, Instant.now(), root);
		var incoming = new IncomingEvent(UUID.randomUUID().toString(), Events.CATEGORY_FETCHED.name(),
				"/lazi/st-ingest-service", null, tenant, OffsetDateTime.now(ZoneOffset.UTC), new byte[0]);
		return new ReceivedEvent<>(incoming, Events.CATEGORY_FETCHED, fetched);
	}

	private void send(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record) {
		try {
			kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the test record", ex);
		}
	}
}
