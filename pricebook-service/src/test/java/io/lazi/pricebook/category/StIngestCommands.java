package io.lazi.pricebook.category;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.CategoriesPushed;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.pricebook.StIngestPublisher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays st-ingest's side of the write path for one tenant: reads the commands the service sends on
 * {@code st.commands} and answers them with {@code StCommandCompleted} on {@code sync.events}.
 */
public final class StIngestCommands implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTestConsumer commands = new KafkaTestConsumer(Topics.ST_COMMANDS);

	private final KafkaTestConsumer syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS);

	private final StIngestPublisher publisher;

	private final JsonMapper json;

	private final String tenant;

	public StIngestCommands(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String tenant) {
		this.publisher = new StIngestPublisher(kafka, json);
		this.json = json;
		this.tenant = tenant;
	}

	/** Waits until at least {@code count} commands of the tenant arrived; returns all of them so far. */
	public List<StCommand> awaitCommands(int count) {

		commands.await(r -> commandsOf().size() >= count, TIMEOUT);
		var seen = commandsOf();
		if (seen.size() < count) {
			throw new AssertionError("Expected " + count + " commands but saw " + seen);
		}
		return seen;
	}

	/** Every command of the tenant read so far, after reading for {@code period} more. */
	public List<StCommand> commandsAfter(Duration period) {

		commands.drain(period);
		return commandsOf();
	}

	/** Publishes an outcome under a new event id; returns the id. */
	public UUID answer(StCommand command, CommandOutcome outcome, @Nullable Integer status, @Nullable String error,
			@Nullable StCategory category) {
		return answer(UUID.randomUUID(), command, outcome, status, error, category);
	}

	/** Publishes an outcome under {@code eventId} (a redelivery when reused). */
	public UUID answer(UUID eventId, StCommand command, CommandOutcome outcome, @Nullable Integer status,
			@Nullable String error, @Nullable StCategory category) {

		var payload = new StCommandCompleted(command.commandId(), tenant, command.pushId(), command.action(),
				command.stId(), outcome, status, error, category, category == null ? null : category.image(), 1, 0, 40,
				Instant.now());
		return publisher.publish(eventId, Topics.SYNC_EVENTS, tenant, Events.ST_COMMAND_COMPLETED.name(),
				command.commandId().toString(), tenant, payload);
	}

	/** Waits until at least {@code count} {@code CategoriesPushed} of the tenant arrived; returns them. */
	public List<CategoriesPushed> awaitPushed(int count) {

		syncEvents.await(r -> pushed().size() >= count, TIMEOUT);
		return pushed();
	}

	public List<CategoriesPushed> pushedAfter(Duration period) {

		syncEvents.drain(period);
		return pushed();
	}

	private List<StCommand> commandsOf() {
		return commands.records()
			.stream()
			.filter(r -> r.key().startsWith(tenant + ":"))
			.map(r -> json.readValue(r.value(), StCommand.class))
			.toList();
	}

	private List<CategoriesPushed> pushed() {
		return syncEvents.records()
			.stream()
			.filter(r -> tenant.equals(r.key()))
			.filter(r -> Events.PRICEBOOK_CATEGORIES_PUSHED.name().equals(header(r, "ce_type")))
			.map(r -> json.readValue(r.value(), CategoriesPushed.class))
			.toList();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		commands.close();
		syncEvents.close();
	}
}
