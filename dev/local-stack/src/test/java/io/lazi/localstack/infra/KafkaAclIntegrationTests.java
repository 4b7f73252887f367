package io.lazi.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lazi.localstack.LocalStack;
import io.lazi.localstack.process.ProcessSupervisor;
import io.lazi.localstack.process.StackLayout;
import io.lazi.localstack.process.StackPorts;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.KafkaAccess.Principal;
import io.lazi.platform.events.KafkaAccess.TopicAccess;

/**
 * The local stack's broker, started once for this class exactly as {@code ./lazi up} starts and provisions
 * it, enforces {@link KafkaAccess}: it holds exactly the table's ACLs, refuses anonymous clients and wrong
 * passwords, lets each principal write its own topics and no other, and read only what it consumes with its
 * own consumer group.
 */
class KafkaAclIntegrationTests {

	private static Path runDirectory;

	private static ProcessSupervisor supervisor;

	private static LocalStack stack;

	private static KafkaCredentials credentials;

	@BeforeAll
	static void startBroker() throws Exception {

		runDirectory = Files.createTempDirectory("lazi-kafka-acl");
		var layout = new StackLayout(Path.of("../..").toAbsolutePath(), runDirectory);
		var ports = StackPorts.free();
		supervisor = new ProcessSupervisor(layout.stateFile());
		var secrets = StackSecrets.readOrCreate(layout.secretsDirectory());
		credentials = secrets.kafkaCredentials();
		stack = new LocalStack(layout, ports, DatabaseSettings.embedded(ports.database(), "admin-secret"), secrets, supervisor, Map.of());
		supervisor.awaitReady(List.of(stack.startKafka()), Duration.ofSeconds(90), process -> {
		});
		stack.provisionKafka();
	}

	@AfterAll
	static void stopBroker() {
		if (supervisor != null) {
			supervisor.close();
		}
	}

	@Test
	void holdsExactlyTheAclsOfTheTable() throws Exception {

		try (var admin = Admin.create(config(KafkaAccess.ADMIN))) {
			var acls = admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS);
			assertThat(acls).containsExactlyInAnyOrderElementsOf(KafkaProvisioning.bindings());
			assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
				.containsAll(KafkaAccess.topics().stream().map(TopicAccess::topic).toList());
		}
		// Provisioning again changes nothing.
		stack.provisionKafka();
		try (var admin = Admin.create(config(KafkaAccess.ADMIN))) {
			assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
				.hasSameSizeAs(KafkaProvisioning.bindings());
		}
	}

	@Test
	void refusesAnonymousClientsAndWrongPasswords() {

		var anonymous = new HashMap<String, Object>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				stack.kafkaBootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000));
		try (var producer = new KafkaProducer<>(anonymous, new StringSerializer(), new StringSerializer())) {
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>("st.raw.categories", "1:1", "{}"))
				.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
		var wrongPassword = config(Principal.ST_INGEST.user());
		wrongPassword.put("sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"st-ingest-service\" password=\"guess\";");
		try (var producer = new KafkaProducer<>(wrongPassword, new StringSerializer(), new StringSerializer())) {
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>("st.raw.categories", "1:1", "{}"))
				.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	@Test
	void letsEachPrincipalWriteItsOwnTopicsAndRefusesEveryOther() throws Exception {

		var refused = new ArrayList<String>();
		var written = new ArrayList<String>();
		for (var principal : Principal.values()) {
			var writes = KafkaAccess.writes(principal);
			try (var producer = new KafkaProducer<>(config(principal.user()), new StringSerializer(),
					new StringSerializer())) {
				for (var access : KafkaAccess.topics()) {
					var send = producer.send(new ProducerRecord<>(access.topic(), "1:1", "{}"));
					if (writes.contains(access.topic())) {
						send.get(10, TimeUnit.SECONDS);
						written.add(principal.user() + " → " + access.topic());
					}
					else {
						assertThatThrownBy(() -> send.get(10, TimeUnit.SECONDS)).as(principal.user() + " → " + access.topic())
							.isInstanceOf(ExecutionException.class)
							.hasCauseInstanceOf(TopicAuthorizationException.class);
						refused.add(principal.user() + " → " + access.topic());
					}
				}
			}
		}
		var pairs = Principal.values().length * KafkaAccess.topics().size();
		assertThat(written.size() + refused.size()).isEqualTo(pairs);
		assertThat(written).hasSize((int) KafkaAccess.acls()
			.stream()
			.filter(acl -> acl.kind() == KafkaAccess.ResourceKind.TOPIC && acl.operation() == KafkaAccess.Operation.WRITE)
			.count());
	}

	@Test
	void letsEachPublisherRelayInTransactionsWithItsPositionAndNoOtherUseItsTransactionalId() throws Exception {

		for (var principal : Principal.values()) {
			if (!KafkaAccess.publishes(principal)) {
				continue;
			}
			var topic = KafkaAccess.writes(principal).iterator().next();
			try (var relay = transactional(principal.user(), principal.outboxTransactionalIdPrefix() + "0")) {
				relay.initTransactions();
				relay.beginTransaction();
				relay.send(new ProducerRecord<>(topic, "1:1", "{}"));
				relay.sendOffsetsToTransaction(
						Map.of(new TopicPartition(KafkaAccess.outboxPositionTopic(principal), 0), new OffsetAndMetadata(7, "7")),
						new ConsumerGroupMetadata(principal.outboxGroup()));
				relay.commitTransaction();
			}
			var other = principal == Principal.PRICEBOOK ? Principal.ST_INGEST : Principal.PRICEBOOK;
			try (var intruder = transactional(other.user(), principal.outboxTransactionalIdPrefix() + "0")) {
				assertThatThrownBy(intruder::initTransactions).as(other.user() + " with " + principal.user() + "'s id")
					.isInstanceOf(TransactionalIdAuthorizationException.class);
			}
		}
	}

	private static KafkaProducer<String, String> transactional(String user, String transactionalId) {

		var config = new HashMap<>(config(user));
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	@Test
	void letsEachConsumerReadOnlyWhatItConsumesWithItsOwnGroup() {

		for (var principal : Principal.values()) {
			var group = principal.group().prefixed() ? principal.group().name() + "acl-test" : principal.group().name();
			var consumed = KafkaAccess.topics().stream().filter(a -> a.consumers().contains(principal)).findFirst();
			var foreign = KafkaAccess.topics().stream().filter(a -> !a.consumers().contains(principal)).findFirst();

			assertThat(consumed).as(principal.user() + " consumes a topic").isPresent();
			try (var consumer = consumer(principal.user(), group)) {
				consumer.subscribe(List.of(consumed.get().topic()));
				consumer.poll(Duration.ofSeconds(2));
			}
			try (var consumer = consumer(principal.user(), group)) {
				consumer.subscribe(List.of(foreign.orElseThrow().topic()));
				assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5))).as(principal.user())
					.isInstanceOf(TopicAuthorizationException.class);
			}
			try (var consumer = consumer(principal.user(), "someone-else")) {
				consumer.subscribe(List.of(consumed.get().topic()));
				assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5))).as(principal.user() + " in another group")
					.isInstanceOf(GroupAuthorizationException.class);
			}
		}
	}

	@Test
	void countsTheRecordsAServiceHasStillToProcessAsTheOperator() throws Exception {

		var lag = stack.consumerLag();
		var before = lag.of(Principal.CRM_PIPELINE);
		try (var producer = new KafkaProducer<>(config(Principal.ST_INGEST.user()), new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < 3; i++) {
				producer.send(new ProducerRecord<>("st.raw.customers", "1:" + i, "{}")).get(10, TimeUnit.SECONDS);
			}
		}
		assertThat(lag.of(Principal.CRM_PIPELINE)).isEqualTo(before + 3);

		try (var consumer = consumer(Principal.CRM_PIPELINE.user(), Principal.CRM_PIPELINE.group().name())) {
			var topics = KafkaAccess.topics().stream()
				.filter(a -> a.consumers().contains(Principal.CRM_PIPELINE) && !a.topic().endsWith("-dlt"))
				.map(TopicAccess::topic)
				.toList();
			consumer.subscribe(topics);
			var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (lag.of(Principal.CRM_PIPELINE) > 0 && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500));
				consumer.commitSync();
			}
		}
		assertThat(lag.of(Principal.CRM_PIPELINE)).isZero();
	}

	private static KafkaConsumer<String, String> consumer(String user, String group) {

		var config = config(user);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	private static Map<String, Object> config(String user) {

		var config = new HashMap<String, Object>(credentials.clientProperties(user));
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		return config;
	}
}
