package io.lazi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.DefaultTransactionIdSuffixStrategy;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.observability.TraceParents;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.lazi.platform.events.Events;
import io.lazi.platform.test.Database;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.SharedInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay against a real PostgreSQL and a real Kafka broker when a transaction that drew a lower
 * {@code seq} commits while the relay is sending a batch of higher ones: the late row is neither lost
 * nor deleted unsent, it goes out with the next batch; and the backlog gauges follow what is left to send.
 *
 * <p>No Spring context: the relay under test runs by hand on a schema of its own, so the scheduled
 * relay of a context another test class left running in this JVM cannot take its rows. The relay's
 * advisory lock is keyed by its schema, so other schemas' relays neither block nor share it.
 */
class OutboxRelayIntegrationTests {

	private static final String TOPIC = "platform.kafka.outbox-relay-race";

	/** A second topic, as {@code sync.events} beside {@code pricebook.changed}. */
	private static final String COMPLETIONS = "platform.kafka.outbox-relay-completions";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Consumer<ProducerRecord<String, byte[]>> NOTHING = record -> {
	};

	private static final TraceParents UNTRACED = new TraceParents(Tracer.NOOP, Propagator.NOOP);

	private final CloudEventCodec codec = new CloudEventCodec(JsonMapper.builder().build(),
			URI.create("/lazi/pricebook-service"));

	private final String schema = "outbox_relay_" + UUID.randomUUID().toString().replace("-", "");

	/** The record key of this run's events, which tells them from an earlier run's on a broker that outlives the JVM. */
	private final String tenant = "relay-" + UUID.randomUUID();

	private Database admin;

	private SimpleDriverDataSource dataSource;

	private JdbcClient jdbc;

	private TransactionTemplate tx;

	private DefaultKafkaProducerFactory<String, byte[]> producers;

	/** Called by the relay's producer before each record is handed to Kafka. */
	private volatile Consumer<ProducerRecord<String, byte[]>> beforeSend = NOTHING;

	private OutboxPosition position;

	private OutboxRelay relay;

	@BeforeEach
	void createSchemaAndTopic() throws Exception {

		admin = SharedInfrastructure.database();
		try (var connection = adminConnection(); var statement = connection.createStatement()) {
			statement.execute("create schema " + schema);
		}
		var properties = new Properties();
		// Every connection of the relay and of the writers works in this schema alone.
		properties.setProperty("currentSchema", schema);
		dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), admin.jdbcUrl(), admin.username(),
				admin.password());
		dataSource.setConnectionProperties(properties);
		jdbc = JdbcClient.create(dataSource);
		tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		for (var migration : List.of("db/platform-kafka/V1__outbox_and_consumed_messages.sql",
				"db/platform-kafka-changes/R__outbox_traceparent.sql")) {
			jdbc.sql(new ClassPathResource(migration).getContentAsString(StandardCharsets.UTF_8)).update();
		}

		var bootstrap = SharedInfrastructure.kafkaBootstrapServers();
		try (var kafkaAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			for (var topic : List.of(TOPIC, COMPLETIONS)) {
				try {
					kafkaAdmin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
		}
		producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new ByteArraySerializer());
		producers.setTransactionIdPrefix(schema + "-");
		producers.setTransactionIdSuffixStrategy(new DefaultTransactionIdSuffixStrategy(1));
		position = new OutboxPosition(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), schema + "-outbox",
				new TopicPartition(TOPIC, 0));
		relay = new OutboxRelay(jdbc, tx, new HookedKafkaTemplate(producers), codec, UNTRACED, position, 10);
	}

	@AfterEach
	void dropSchema() throws SQLException {

		if (producers != null) {
			producers.destroy();
		}
		try (var connection = adminConnection(); var statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
		}
	}

	@Test
	void keepsARowWithALowerSeqThatCommitsWhileTheBatchIsSentForTheNextBatch() throws SQLException {

		try (var late = dataSource.getConnection()) {
			late.setAutoCommit(false);
			var lateJdbc = JdbcClient.create(new SingleConnectionDataSource(late, true));
			// Draws the lower seq, but stays invisible to the relay's select until it commits.
			var lateId = new Outbox(lateJdbc, codec, UNTRACED).append(event("late"));
			var earlyId = tx.execute(status -> new Outbox(jdbc, codec, UNTRACED).append(event("early")));
			assertThat(seqOf(lateJdbc, lateId)).as("the late row drew the lower seq").isLessThan(seqOf(jdbc, earlyId));
			// Between the relay's select and its delete: while it sends the one row it could see.
			beforeSend = record -> {
				if (earlyId.toString().equals(ceId(record.headers()))) {
					commit(late);
				}
			};

			relayUntil(() -> !ids().contains(earlyId));
			beforeSend = NOTHING;

			assertThat(ids()).as("the late row stays for the next batch instead of being deleted unsent")
				.containsExactly(lateId);

			relayUntil(() -> ids().isEmpty());

			try (var consumer = new KafkaTestConsumer(TOPIC)) {
				consumer.await(r -> lateId.toString().equals(ceId(r.headers())), TIMEOUT);

				assertThat(consumer.records()).filteredOn(r -> tenant.equals(r.key()))
					.extracting(r -> ceId(r.headers()))
					.as("each published once, the late row after the batch it missed")
					.containsExactly(earlyId.toString(), lateId.toString());
			}
		}
	}

	@Test
	void sendsARowOfAnotherTopicOnlyOnceKafkaHoldsEveryRowBeforeIt() throws Exception {

		var bootstrap = SharedInfrastructure.kafkaBootstrapServers();
		try (var kafkaAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			var partition = new TopicPartition(TOPIC, 0);
			long before = endOffset(kafkaAdmin, partition);
			var changes = List.of(event("change-1"), event("change-2"), event("change-3"));
			var completion = new OutgoingEvent(COMPLETIONS, tenant, Events.PRICEBOOK_CATEGORIES_SYNCED.name(), "completion",
					tenant, new CategoriesSynced(tenant, UUID.randomUUID(), 3, 3, 0, 0));
			tx.execute(status -> new Outbox(jdbc, codec, UNTRACED).appendAll(
					Stream.concat(changes.stream(), Stream.of(completion)).toList()));
			var heldWhenCompletionSent = new AtomicLong(-1);
			beforeSend = record -> {
				if (COMPLETIONS.equals(record.topic())) {
					heldWhenCompletionSent.set(endOffset(kafkaAdmin, partition) - before);
				}
			};

			relayUntil(() -> ids().isEmpty());

			assertThat(heldWhenCompletionSent.get())
				.as("offsets a read_committed consumer could read when the completion was handed to Kafka: "
						+ "the three changes and their transaction's commit marker")
				.isEqualTo(4);
		}
	}

	@Test
	void sendsNothingAgainWhenItsRowsCouldNotBeDeletedAfterKafkaCommittedThem() {

		var ids = tx.execute(status -> new Outbox(jdbc, codec, UNTRACED)
			.appendAll(List.of(event("one"), event("two"), event("three"))));
		// What PostgreSQL going away between Kafka's commit and the relay's delete looks like to the relay.
		jdbc.sql("""
				create function refuse_delete() returns trigger language plpgsql as
				$$ begin raise exception 'database went away'; end $$""").update();
		jdbc.sql("create trigger refuse_delete before delete on outbox_event for each statement execute function refuse_delete()")
			.update();

		relay.relay();
		assertThat(ids()).as("the rows stay: their delete failed").containsExactlyElementsOf(ids);

		jdbc.sql("drop trigger refuse_delete on outbox_event").update();
		relay.relay();
		assertThat(ids()).as("the rows Kafka holds are deleted").isEmpty();

		assertReadOnceEach(ids, "each event in Kafka once, although its batch was relayed twice");
	}

	@Test
	void leavesNothingOfABatchThatFailedHalfwayForConsumers() {

		var ids = tx.execute(status -> new Outbox(jdbc, codec, UNTRACED)
			.appendAll(List.of(event("first"), event("second"), event("third"))));
		var last = ids.getLast().toString();
		beforeSend = record -> {
			if (last.equals(ceId(record.headers()))) {
				throw new IllegalStateException("broker went away");
			}
		};
		relay.relay();
		assertThat(ids()).as("the batch stays").containsExactlyElementsOf(ids);

		beforeSend = NOTHING;
		relay.relay();
		assertThat(ids()).isEmpty();

		assertReadOnceEach(ids, "the aborted first attempt's records are not read; each event once");
	}

	@Test
	void relaysWhileAnotherSchemasRelayHoldsItsLock() throws SQLException {

		var other = schema + "_other";
		try (var connection = adminConnection(); var statement = connection.createStatement()) {
			statement.execute("create schema " + other);
		}
		try (var busy = adminConnection()) {
			busy.setAutoCommit(false);
			try (var statement = busy.createStatement()) {
				statement.execute("set search_path = " + other);
			}
			// What the other service's relay holds while it sends a batch.
			assertThat(OutboxRelay.tryLock(JdbcClient.create(new SingleConnectionDataSource(busy, true)))).isTrue();
			var id = tx.execute(status -> new Outbox(jdbc, codec, UNTRACED).append(event("beside")));

			tx.executeWithoutResult(status -> relay.relayBatch());
			assertThat(ids()).as("relayed although another schema's relay holds its lock").doesNotContain(id);
			busy.rollback();
		}
		finally {
			try (var connection = adminConnection(); var statement = connection.createStatement()) {
				statement.execute("drop schema if exists " + other + " cascade");
			}
		}
	}

	@Test // GH-13
	void reportsTheBacklogAndTheAgeOfItsOldestRowUntilTheRelaySendsThem() {

		var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		var now = Instant.parse("2026-06-01T12:00:00Z");
		new OutboxMetrics(jdbc, Clock.fixed(now, ZoneOffset.UTC)).bindTo(metrics);
		assertThat(metrics.scrape()).contains("lazi_outbox_backlog_events 0.0", "lazi_outbox_oldest_age_seconds 0.0");

		tx.executeWithoutResult(status -> new Outbox(jdbc, codec, UNTRACED).appendAll(List.of(event("a"), event("b"))));
		jdbc.sql("update outbox_event set created_at = ? where subject = 'a'")
			.param(now.minusSeconds(90).atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("update outbox_event set created_at = ? where subject = 'b'")
			.param(now.minusSeconds(30).atOffset(ZoneOffset.UTC))
			.update();

		assertThat(metrics.scrape()).contains("lazi_outbox_backlog_events 2.0", "lazi_outbox_oldest_age_seconds 90.0");

		relayUntil(() -> ids().isEmpty());

		assertThat(metrics.scrape()).contains("lazi_outbox_backlog_events 0.0", "lazi_outbox_oldest_age_seconds 0.0");
	}

	/** What a consumer of the topic reads of this run's events: {@code ids}, each once, in order. */
	private void assertReadOnceEach(List<UUID> ids, String description) {

		try (var consumer = new KafkaTestConsumer(TOPIC)) {
			assertThat(consumer.drain(Duration.ofSeconds(3))).filteredOn(r -> tenant.equals(r.key()))
				.extracting(r -> ceId(r.headers()))
				.as(description)
				.containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
		}
	}

	/** Runs relay batches, each in its own transaction, until {@code done}; a batch skipped for the lock is run again. */
	private void relayUntil(BooleanSupplier done) {
		await().pollInSameThread().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
			tx.execute(status -> relay.relayBatch());
			return done.getAsBoolean();
		});
	}

	private List<UUID> ids() {
		return jdbc.sql("select id from outbox_event order by seq").query(UUID.class).list();
	}

	private static long seqOf(JdbcClient jdbc, UUID id) {
		return jdbc.sql("select seq from outbox_event where id = ?").param(id).query(Long.class).single();
	}

	private OutgoingEvent event(String subject) {
		return new OutgoingEvent(TOPIC, tenant, Events.PRICEBOOK_CATEGORIES_SYNCED.name(), subject, tenant,
				new CategoriesSynced(tenant, UUID.randomUUID(), 1, 1, 0, 0));
	}

	private static long endOffset(Admin kafkaAdmin, TopicPartition partition) {

		try {
			return kafkaAdmin.listOffsets(Map.of(partition, OffsetSpec.latest()),
					new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.partitionResult(partition)
				.get(30, TimeUnit.SECONDS)
				.offset();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Connection adminConnection() throws SQLException {
		return DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
	}

	private static void commit(Connection connection) {

		try {
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String ceId(Headers headers) {

		var id = headers.lastHeader("ce_id");
		return id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
	}

	/** The real template, with {@link #beforeSend} run on the relay's thread before each record goes out. */
	private final class HookedKafkaTemplate extends KafkaTemplate<String, byte[]> {

		HookedKafkaTemplate(DefaultKafkaProducerFactory<String, byte[]> producers) {
			super(producers);
		}

		@Override
		public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
			beforeSend.accept(record);
			return super.send(record);
		}
	}
}
