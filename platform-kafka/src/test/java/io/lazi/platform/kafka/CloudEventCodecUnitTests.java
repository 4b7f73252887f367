package io.lazi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decoding through the registry: {@code ce_type} picks the payload record, a type arrives only on its own
 * topic, unknown types are left to the consumer, and {@link ReceivedEvent#verified()} rejects what can never
 * be applied.
 */
class CloudEventCodecUnitTests {

	private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

	private final CloudEventCodec codec = new CloudEventCodec(JsonMapper.builder().build(),
			KafkaAccess.Principal.ST_INGEST.source());

	@Test
	void decodesARegisteredTypeIntoItsRecord() {

		var job = fetchedJob("3222348440", "Scheduled");

		var event = codec.decode(record(OutgoingEvent.of(Events.JOB_FETCHED, "72000001", job), "3222348440"));

		assertThat(event.type()).isSameAs(Events.JOB_FETCHED);
		assertThat(event.payload()).isEqualTo(job);
		assertThat(event.verified().tenantId()).isEqualTo("3222348440");
	}

	@Test
	void takesTopicAndKeyFromTheRegistry() {

		var event = OutgoingEvent.of(Events.JOB_FETCHED, "72000001", fetchedJob("3222348440", "Scheduled"));

		assertThat(event.topic()).isEqualTo(Topics.ST_RAW_JOBS);
		assertThat(event.key()).isEqualTo("3222348440:72000001");
		assertThat(event.type()).isEqualTo("io.lazi.st.job.fetched.v1");
	}

	@Test
	void rejectsATypeOnAnotherTopicAndAnUnknownOneWhereEveryTypeMustBeKnown() {

		var started = OutgoingEvent.of(Events.SYNC_STARTED, "run", started("1"));
		var misplaced = new OutgoingEvent(Topics.ST_RAW_JOBS, "1", started.type(), "run", "1", started.payload());
		var unknown = new OutgoingEvent(Topics.SYNC_EVENTS, "1", "io.lazi.sync.paused.v1", "run", "1", started("1"));

		assertThatIllegalArgumentException().isThrownBy(() -> codec.decodeIfKnown(record(misplaced, "1")))
			.withMessageContaining("belongs on sync.events");
		assertThatIllegalArgumentException().isThrownBy(() -> codec.decode(record(unknown, "1")))
			.withMessageContaining("Unexpected event type io.lazi.sync.paused.v1");
		assertThat(codec.decodeIfKnown(record(unknown, "1"))).isEmpty();
	}

	@Test
	void refusesAnEventWhoseSourceDoesNotProduceTheTopic() {

		var forger = new CloudEventCodec(JsonMapper.builder().build(), KafkaAccess.Principal.PRICEBOOK.source());
		var job = OutgoingEvent.of(Events.JOB_FETCHED, "72000001", fetchedJob("1", "Scheduled"));
		var unknown = new OutgoingEvent(Topics.ST_RAW_JOBS, "1", "io.lazi.st.job.archived.v1", "run", "1", started("1"));

		assertThatIllegalArgumentException().isThrownBy(() -> forger.decode(record(forger, job, "1")))
			.withMessageContaining("ce_source /lazi/pricebook-service, which does not produce st.raw.jobs")
			.withMessageContaining("[/lazi/st-ingest-service]");
		assertThatIllegalArgumentException().isThrownBy(() -> codec.decodeIfKnown(record(forger, unknown, "1")))
			.withMessageContaining("does not produce st.raw.jobs");
		assertThat(codec.decode(record(codec, job, "1")).type()).isSameAs(Events.JOB_FETCHED);
	}

	@Test
	void verifiesTenantAndRequiredFields() {

		var otherTenant = codec.decode(record(OutgoingEvent.of(Events.SYNC_STARTED, "run", started("1")), "2"));
		var noStatus = codec.decode(
				record(OutgoingEvent.of(Events.JOB_FETCHED, "72000001", fetchedJob("1", null)), "1"));

		assertThatIllegalArgumentException().isThrownBy(otherTenant::verified).withMessageContaining("ce_tenantid 2");
		assertThatIllegalArgumentException().isThrownBy(noStatus::verified).withMessageContaining("lacks record.jobStatus");
	}

	private ConsumerRecord<String, byte[]> record(OutgoingEvent event, String headerTenant) {
		return record(codec, event, headerTenant);
	}

	private static ConsumerRecord<String, byte[]> record(CloudEventCodec codec, OutgoingEvent event,
			String headerTenant) {

		ProducerRecord<String, byte[]> sent = codec.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC),
				event.topic(), event.key(), event.type(), event.subject(), headerTenant, codec.serialize(event.payload()));
		var received = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
		sent.headers().forEach(header -> received.headers().add(header));
		return received;
	}

	private static SyncStarted started(String tenant) {
		return new SyncStarted(tenant, UUID.randomUUID(), "crm", SyncType.FULL, AT);
	}

	private static StRecordFetched<StJob> fetchedJob(String tenant, String status) {
		return new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.FULL, AT, new StJob(72000001L, null, 7, null,
				status, null, 5, null, null, null, null, List.of(), null, AT, AT));
	}

}
