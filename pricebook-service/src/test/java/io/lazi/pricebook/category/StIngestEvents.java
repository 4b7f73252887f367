package io.lazi.pricebook.category;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.pricebook.StIngestPublisher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what st-ingest publishes, as real CloudEvents records on the shared broker, and builds
 * the matching {@link ReceivedEvent}s for direct calls.
 */
public final class StIngestEvents {

	private final StIngestPublisher publisher;

	public StIngestEvents(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this(new StIngestPublisher(kafka, json));
	}

	private StIngestEvents(StIngestPublisher publisher) {
		this.publisher = publisher;
	}

	/** Publishes what st-ingest publishes, but with {@code ce_source} {@code source}: a forgery. */
	public static StIngestEvents forgedBy(KafkaTemplate<String, byte[]> kafka, JsonMapper json, URI source) {
		return new StIngestEvents(new StIngestPublisher(kafka, json, source));
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
		return publisher.publish(eventId, Topics.ST_RAW_CATEGORIES, tenant + ":" + root.id(),
				Events.CATEGORY_FETCHED.name(), Long.toString(root.id()), tenant, payload);
	}

	/** Publishes a {@code st.raw.categories} record whose payload is {@code json} as given; returns the event id. */
	public UUID fetchedPayload(String tenant, long rootStId, byte[] json) {
		return publisher.publishJson(UUID.randomUUID(), Topics.ST_RAW_CATEGORIES, tenant + ":" + rootStId,
				Events.CATEGORY_FETCHED.name(), Long.toString(rootStId), tenant, json);
	}

	/** Publishes the completion of a {@code pricebook.categories} run; returns the event id. */
	public UUID completed(String tenant, UUID run, SyncType type, int rootCount, List<Long> rootStIds) {
		return completed(UUID.randomUUID(), tenant, run, type, rootCount, rootStIds);
	}

	public UUID completed(UUID eventId, String tenant, UUID run, SyncType type, int rootCount, List<Long> rootStIds) {

		var now = Instant.now();
		var payload = new SyncCompleted(tenant, run, "pricebook.categories", type, now.minusSeconds(5), now, 5_000, 5_000L,
				rootCount, 0, 0, rootCount, 0, rootStIds);
		return publisher.publish(eventId, Topics.SYNC_EVENTS, tenant, Events.SYNC_COMPLETED.name(), run.toString(),
				tenant, payload);
	}

	/**
	 * {@code root} with its subtree as the consumer receives it from a full run, for calling the application
	 * service directly.
	 */
	public static ReceivedEvent<CategoryFetched> received(String tenant, StCategory root) {

		var fetched = new CategoryFetched(tenant, UUID.randomUUID(), SyncType.FULL, Instant.now(), root);
		return StIngestPublisher.received(Events.CATEGORY_FETCHED, UUID.randomUUID().toString(), tenant, fetched);
	}
}
