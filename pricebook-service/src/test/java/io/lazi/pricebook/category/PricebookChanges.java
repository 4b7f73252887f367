package io.lazi.pricebook.category;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;

import tools.jackson.databind.json.JsonMapper;

/** Reads what the service published for one tenant on {@code pricebook.changed} and {@code sync.events}. */
public final class PricebookChanges implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTestConsumer changed = new KafkaTestConsumer(Topics.PRICEBOOK_CHANGED);

	private final KafkaTestConsumer syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS);

	private final JsonMapper json;

	private final String tenant;

	public PricebookChanges(JsonMapper json, String tenant) {
		this.json = json;
		this.tenant = tenant;
	}

	/** Waits until at least {@code count} changes of the tenant arrived; returns all of them so far. */
	public List<Change> awaitChanges(int count) {

		await().atMost(TIMEOUT).until(() -> {
			changed.drain(Duration.ofMillis(200));
			return changes().size() >= count;
		});
		return changes();
	}

	/** Every change of the tenant read so far, after reading for {@code period} more. */
	public List<Change> changesAfter(Duration period) {

		changed.drain(period);
		return changes();
	}

	/** Waits until at least {@code count} {@code CategoriesSynced} of the tenant arrived; returns them. */
	public List<CategoriesSynced> awaitSynced(int count) {

		await().atMost(TIMEOUT).until(() -> {
			syncEvents.drain(Duration.ofMillis(200));
			return synced().size() >= count;
		});
		return synced();
	}

	public List<CategoriesSynced> syncedAfter(Duration period) {

		syncEvents.drain(period);
		return synced();
	}

	private List<Change> changes() {
		return changed.records()
			.stream()
			.filter(r -> r.key().startsWith(tenant + ":"))
			.map(r -> new Change(header(r, "ce_type"), Events.PRICEBOOK_CATEGORY_CONFLICT.name().equals(header(r, "ce_type"))
					? null : json.readValue(r.value(), CategoryChanged.class)))
			.toList();
	}

	private List<CategoriesSynced> synced() {
		return syncEvents.records()
			.stream()
			.filter(r -> tenant.equals(r.key()))
			.filter(r -> Events.PRICEBOOK_CATEGORIES_SYNCED.name().equals(header(r, "ce_type")))
			.map(r -> json.readValue(r.value(), CategoriesSynced.class))
			.toList();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		changed.close();
		syncEvents.close();
	}

	/** One event; {@code payload} is {@code null} for a conflict, whose payload is a {@code CategoryConflictDetected}. */
	public record Change(String type, @Nullable CategoryChanged payload) {
	}
}
