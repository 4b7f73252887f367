package io.lazi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.lazi.notification.fanout.TenantChannels;
import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.SharedInfrastructure;
import io.lazi.platform.test.TestIdentityProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances, each reading the topics in its own consumer group as in production, and a client that drops
 * and resumes through the gateway on the other one (issue 15: the fault harness saw ids delivered twice to one
 * client). Each instance may read the partitions in another order: here the second one reads a partition late.
 * The client must get exactly what it missed, once.
 */
class ResumeOnAnotherInstanceIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Stands for the id of the event published once a resumed session is open. */
	private static final String LIVE = "live";

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {

		first = start();
		second = start();
		for (var instance : List.of(first, second)) {
			await().atMost(TIMEOUT).until(() -> !fanout(instance).getAssignedPartitions().isEmpty());
			// auto.offset.reset=latest: only a probe that arrives proves the consumer's start positions are set.
			var probe = tenant();
			try (var socket = connect(instance, probe, "")) {
				await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
					publishSyncStarted(probe);
					return !socket.ids().isEmpty();
				});
			}
		}
	}

	@AfterAll
	static void stopThem() {

		for (var instance : new ConfigurableApplicationContext[] { first, second }) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	@Test // GH-15
	void aClientResumingOnAnInstanceThatReadAPartitionLaterGetsWhatFollowedOnlyOnce() {

		var tenant = tenant();
		try (var watcher = connect(second, tenant, "")) {
			String cursor;
			String seenCategory;
			String seenSync;
			pause(second, Topics.PRICEBOOK_CHANGED);
			try (var client = connect(first, tenant, "")) {
				seenCategory = publishCategoryChanged(tenant, 41000101L);
				seenSync = publishSyncStarted(tenant);
				await().atMost(TIMEOUT).until(() -> client.ids().equals(List.of(seenCategory, seenSync)));
				cursor = client.cursor();
			}
			var missed = publishCategoryChanged(tenant, 41000101L);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(watcher.ids()).containsExactly(seenSync));
			resume(second, Topics.PRICEBOOK_CHANGED);
			// The second instance read them as: the sync start, then both changes of the category (one key, so in order).
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(watcher.ids()).containsExactly(seenSync, seenCategory, missed));

			assertThat(resumeUntilLive(second, tenant, cursor)).containsExactly(missed, LIVE);
		}
	}

	@Test // GH-15
	void aClientResumingOnAnInstanceThatReadAPartitionLaterMissesNothing() {

		var tenant = tenant();
		try (var watcher = connect(second, tenant, "")) {
			String cursor;
			String seenSync;
			pause(second, Topics.SYNC_EVENTS);
			try (var client = connect(first, tenant, "")) {
				seenSync = publishSyncStarted(tenant);
				await().atMost(TIMEOUT).until(() -> client.ids().equals(List.of(seenSync)));
				cursor = client.cursor();
			}
			var missed = publishCategoryChanged(tenant, 41000201L);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(watcher.ids()).containsExactly(missed));
			resume(second, Topics.SYNC_EVENTS);
			// The second instance read them as: the category change, then the sync start the client had seen.
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(watcher.ids()).containsExactly(missed, seenSync));

			assertThat(resumeUntilLive(second, tenant, cursor)).containsExactly(missed, LIVE);
		}
	}

	@Test // GH-15
	void aClientResumingOnAnInstanceThatHasNotReadAsFarGetsTheRestOnceItArrivesAndNothingTwice() {

		var tenant = tenant();
		String cursor;
		String seen;
		pause(second, Topics.PRICEBOOK_CHANGED);
		try (var client = connect(first, tenant, "")) {
			seen = publishCategoryChanged(tenant, 41000301L);
			await().atMost(TIMEOUT).until(() -> client.ids().equals(List.of(seen)));
			cursor = client.cursor();
		}
		var missed = publishCategoryChanged(tenant, 41000301L);

		try (var resumed = connect(second, tenant, "?cursor=" + encode(cursor))) {
			resume(second, Topics.PRICEBOOK_CHANGED);
			await().atMost(TIMEOUT).until(() -> resumed.ids().contains(missed));
			var live = publishSyncStarted(tenant);
			await().atMost(TIMEOUT).until(() -> resumed.ids().contains(live));

			assertThat(resumed.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
			assertThat(resumed.ids()).containsExactly(missed, live);
		}
	}

	/**
	 * Resumes a client of {@code tenant} on {@code instance} from {@code cursor}, which must not need a resync;
	 * publishes an event once the session is open and answers the ids the session got up to it, that one as
	 * {@link #LIVE}.
	 */
	private static List<String> resumeUntilLive(ConfigurableApplicationContext instance, String tenant, String cursor) {

		try (var resumed = connect(instance, tenant, "?cursor=" + encode(cursor))) {
			var live = publishSyncStarted(tenant);
			await().atMost(TIMEOUT).until(() -> resumed.ids().contains(live));
			assertThat(resumed.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
			return resumed.ids().stream().map(id -> id.equals(live) ? LIVE : id).toList();
		}
	}

	private static ConfigurableApplicationContext start() {

		// As command-line arguments, which win over application.yml as the test context's properties do.
		return new SpringApplicationBuilder(NotificationApplication.class, OwnNettyResources.class).run("--server.port=0",
				"--management.server.port=0", "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers(),
				"--lazi.security.issuer-uri=" + TestIdentityProvider.get().issuer(),
				"--lazi.websocket.handshakes-per-minute=10000", "--lazi.websocket.max-sessions-per-user=1000");
	}

	private static MessageListenerContainer fanout(ConfigurableApplicationContext instance) {
		return instance.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("notification-fanout");
	}

	/** Stops {@code instance} reading {@code topic} until {@link #resume}, as a slow or frozen consumer would. */
	private static void pause(ConfigurableApplicationContext instance, String topic) {

		var partitions = partitions(instance, topic);
		partitions.forEach(fanout(instance)::pausePartition);
		await().atMost(TIMEOUT).until(() -> partitions.stream().allMatch(fanout(instance)::isPartitionPaused));
	}

	private static void resume(ConfigurableApplicationContext instance, String topic) {
		partitions(instance, topic).forEach(fanout(instance)::resumePartition);
	}

	private static List<TopicPartition> partitions(ConfigurableApplicationContext instance, String topic) {
		return fanout(instance).getAssignedPartitions().stream().filter(p -> p.topic().equals(topic)).toList();
	}

	private static TestSocket connect(ConfigurableApplicationContext instance, String tenant, String query) {

		var channels = instance.getBean(TenantChannels.class);
		var before = channels.openSessions(tenant);
		var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		var socket = TestSocket.open(URI.create("ws://localhost:" + port + "/ws" + query), tenant);
		await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == before + 1 && !socket.frames().isEmpty());
		return socket;
	}

	private static String publishSyncStarted(String tenant) {
		return publish(Topics.SYNC_EVENTS, tenant, Events.SYNC_STARTED.name(), tenant,
				new SyncStarted(tenant, UUID.randomUUID(), "pricebook.categories", SyncType.INCREMENTAL, Instant.now()));
	}

	private static String publishCategoryChanged(String tenant, long stId) {
		return publish(Topics.PRICEBOOK_CHANGED, tenant + ":" + stId, Events.PRICEBOOK_CATEGORY_UPDATED.name(), tenant,
				new CategoryChanged(tenant, stId, null, 1, String.valueOf(stId), "Pool Pumps", null, 2, true, List.of("name")));
	}

	@SuppressWarnings("unchecked")
	private static String publish(String topic, String key, String type, String tenant, Object payload) {

		var id = UUID.randomUUID();
		// As the topic's (first) producer: consumers refuse any other ce_source.
		var codec = new CloudEventCodec(JSON, KafkaAccess.of(topic).orElseThrow().producers().iterator().next().source());
		var kafka = (KafkaTemplate<String, byte[]>) first.getBean(KafkaTemplate.class);
		kafka.send(codec.toRecord(id, OffsetDateTime.now(), topic, key, type, key, tenant, codec.serialize(payload))).join();
		return id.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String tenant() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
	}
}
