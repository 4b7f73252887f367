package io.lazi.stingest.command;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

import io.lazi.platform.events.CategoryWrite;
import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.SharedInfrastructure;
import io.lazi.stingest.IntegrationTestSupport;
import tools.jackson.databind.json.JsonMapper;

/** Sends commands to {@code st.commands} as pricebook-service does and reads their outcomes from {@code sync.events}. */
abstract class CommandTestSupport extends IntegrationTestSupport {

	static final Duration WAIT = Duration.ofSeconds(30);

	/** Writes as pricebook-service, the producer of {@code st.commands}, so the listener accepts the source. */
	CloudEventCodec codec;

	@Autowired
	void pricebookCodec(JsonMapper json) {
		codec = new CloudEventCodec(json, KafkaAccess.Principal.PRICEBOOK.source());
	}

	private KafkaProducer<String, byte[]> producer;

	KafkaTestConsumer syncEvents;

	@BeforeEach
	void connect() {
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
		syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS);
	}

	@AfterEach
	void disconnect() {
		producer.close();
		syncEvents.close();
	}

	static StCommand command(String tenant, CommandAction action, long stId, @Nullable CategoryWrite write) {
		return new StCommand(UUID.randomUUID(), tenant, UUID.randomUUID(), action, stId, write, Instant.now());
	}

	static CategoryWrite write(@Nullable String name, @Nullable Long parentId, @Nullable Integer position,
			@Nullable UUID imageUploadId, @Nullable String categoryType) {
		return new CategoryWrite(name, parentId, position, null, imageUploadId, null, categoryType, null);
	}

	/** Publishes {@code payload} as a new CloudEvent (its own {@code ce_id}) with the command's key. */
	void send(String tenant, long stId, Object payload) {
		publish(codec, Events.ST_COMMAND, tenant, stId, payload);
	}

	/** Publishes {@code payload} as a new CloudEvent of {@code type}, written by {@code writer}, key {@code {tenant}:{stId}}. */
	void publish(CloudEventCodec writer, EventType<?> type, String tenant, long stId, Object payload) {
		producer.send(writer.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_COMMANDS,
				tenant + ":" + stId, type.name(), Long.toString(stId), tenant, writer.serialize(payload)));
		producer.flush();
	}

	void send(StCommand command) {
		send(command.tenantId(), command.stId(), command);
	}

	/** Waits for {@code count} outcomes of the command; returns them in arrival order. */
	List<ConsumerRecord<String, byte[]>> outcomes(StCommand command, int count) {

		var id = command.commandId().toString();
		await().atMost(WAIT)
			.until(() -> syncEvents.drain(Duration.ofMillis(200)).stream().filter(r -> isOutcomeOf(r, id)).count() >= count);
		return syncEvents.records().stream().filter(r -> isOutcomeOf(r, id)).toList();
	}

	StCommandCompleted outcome(StCommand command) {
		return json.readValue(outcomes(command, 1).getFirst().value(), StCommandCompleted.class);
	}

	/** Sends the command and waits for the one outcome st-ingest announces for it. */
	StCommandCompleted sendForOutcome(StCommand command) {

		send(command);
		return outcome(command);
	}

	static StCategory stored(long id, @Nullable Long parentId, String name, Instant createdOn, StCategory... children) {
		return new StCategory(id, name, true, null, null, parentId, 1, "Services", List.of(children), List.of(), List.of(),
				List.of(), null, null, false, createdOn, createdOn);
	}

	/** An authenticated stub of any method on the tenant's pricebook path. */
	static MappingBuilder st(String method, String tenant, String path) {
		return WireMock.request(method, categoriesUrl(tenant, path))
			.withHeader(HttpHeaders.AUTHORIZATION, WireMock.equalTo("Bearer tok-" + tenant))
			.withHeader("ST-App-Key", WireMock.equalTo(APP_KEY));
	}

	static UrlPattern categoriesUrl(String tenant, String path) {
		return WireMock.urlPathEqualTo("/pricebook/v2/tenant/" + tenant + path);
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static boolean isOutcomeOf(ConsumerRecord<String, byte[]> record, String commandId) {
		return Events.ST_COMMAND_COMPLETED.name().equals(header(record, "ce_type")) && commandId.equals(header(record, "ce_subject"));
	}
}
