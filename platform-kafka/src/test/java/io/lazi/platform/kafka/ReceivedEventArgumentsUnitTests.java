package io.lazi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * A listener's {@code ReceivedEvent} argument is the record decoded through the registry; an
 * {@code Optional} one is empty for a type this version does not know, a plain one fails the record.
 */
class ReceivedEventArgumentsUnitTests {

	private final CloudEventCodec codec = new CloudEventCodec(JsonMapper.builder().build(),
			KafkaAccess.Principal.ST_INGEST.source());

	private final ReceivedEventArguments arguments = new ReceivedEventArguments(codec);

	@Test
	void resolvesOnlyEventParameters() throws Exception {

		assertThat(arguments.supportsParameter(parameter("event"))).isTrue();
		assertThat(arguments.supportsParameter(parameter("known"))).isTrue();
		assertThat(arguments.supportsParameter(parameter("text"))).isFalse();
		assertThat(arguments.supportsParameter(parameter("record"))).isFalse();
	}

	@Test
	void decodesTheRawRecordThroughTheRegistry() throws Exception {

		var started = new SyncStarted("3222348440", UUID.randomUUID(), "crm", SyncType.FULL, Instant.now());
		var message = message(record(Events.SYNC_STARTED.name(), started));

		var event = (ReceivedEvent<?>) arguments.resolveArgument(parameter("event"), message);
		var known = (Optional<?>) arguments.resolveArgument(parameter("known"), message);

		assertThat(event.type()).isSameAs(Events.SYNC_STARTED);
		assertThat(event.payload()).isEqualTo(started);
		assertThat(known).containsInstanceOf(ReceivedEvent.class);
	}

	@Test
	void leavesAnUnknownTypeToOptionalParametersAndFailsItForPlainOnes() throws Exception {

		var started = new SyncStarted("1", UUID.randomUUID(), "crm", SyncType.FULL, Instant.now());
		var message = message(record("io.lazi.sync.paused.v1", started));

		assertThat((Optional<?>) arguments.resolveArgument(parameter("known"), message)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> arguments.resolveArgument(parameter("event"), message))
			.withMessageContaining("io.lazi.sync.paused.v1");
	}

	@Test
	void saysSoWhenTheContainerCarriesNoRawRecord() {

		var message = new GenericMessage<>(new byte[0]);

		assertThatIllegalStateException().isThrownBy(() -> arguments.resolveArgument(parameter("event"), message))
			.withMessageContaining("record converter");
	}

	private ConsumerRecord<String, byte[]> record(String type, SyncStarted payload) {

		var sent = codec.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), Topics.SYNC_EVENTS,
				payload.tenantId(), type, payload.syncRunId().toString(), payload.tenantId(), codec.serialize(payload));
		var received = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
		sent.headers().forEach(header -> received.headers().add(header));
		return received;
	}

	private static Message<byte[]> message(ConsumerRecord<String, byte[]> record) {
		return new GenericMessage<>(record.value(), Map.of(KafkaHeaders.RAW_DATA, record));
	}

	private static MethodParameter parameter(String name) throws NoSuchMethodException {

		for (var method : Listener.class.getDeclaredMethods()) {
			if (method.getName().equals(name)) {
				return new MethodParameter(method, 0);
			}
		}
		throw new NoSuchMethodException(name);
	}

	/** The listener method shapes the resolver is asked about. */
	@SuppressWarnings("unused")
	private interface Listener {

		void event(ReceivedEvent<?> event);

		void known(Optional<ReceivedEvent<?>> event);

		void text(Optional<String> text);

		void record(ConsumerRecord<String, byte[]> record);
	}
}
