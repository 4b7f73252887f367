package io.lazi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

import io.lazi.platform.test.HealthGroups;
import io.lazi.platform.test.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import io.lazi.notification.fanout.TenantChannels;
import io.lazi.platform.events.CaseOpened;
import io.lazi.platform.events.CategoriesSynced;
import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.CustomerChanged;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.JobChanged;
import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.events.LeadCreated;
import io.lazi.platform.events.OpportunityClosed;
import io.lazi.platform.events.ProvidersChanged;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncStarted;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.TaskAssigned;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.PrometheusScrape;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// One test user reconnects many times a minute here; WebSocketSessionIntegrationTests covers the limits.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lazi.websocket.handshakes-per-minute=10000",
				"lazi.websocket.max-sessions-per-user=1000" })
class NotificationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	TenantChannels channels;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@BeforeEach
	void waitForTheListenerToReadFromTheLatestOffsets() {

		// Every topic the fan-out reads, the CRM ones too, which the embedded broker creates on first use.
		await().atMost(TIMEOUT).until(() -> listeners.getListenerContainer("notification-fanout")
			.getAssignedPartitions()
			.stream()
			.map(TopicPartition::topic)
			.collect(Collectors.toSet())
			.containsAll(List.of(Topics.SYNC_EVENTS, Topics.PRICEBOOK_CHANGED, Topics.CRM_STAGE_MOVED, Topics.FIELD_CHANGED,
					Topics.CRM_OPPORTUNITIES, Topics.CRM_LEADS, Topics.CRM_TASKS, Topics.CRM_CASES)));
		// auto.offset.reset=latest: only a probe that arrives proves the consumer's start positions are set.
		var probe = tenant();
		try (var socket = connect(probe)) {
			await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
				publishSyncStarted(probe);
				return !socket.ids().isEmpty();
			});
		}
	}

	@Test
	void deliversAnEventWithItsPayloadOnlyToTheSessionsOfItsTenant() {

		var tenantA = tenant();
		var tenantB = tenant();
		try (var a = connect(tenantA); var b = connect(tenantB)) {
			var runId = UUID.randomUUID();
			var time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			var completedId = publish(Topics.SYNC_EVENTS, tenantA, Events.SYNC_COMPLETED.name(), time,
					new SyncCompleted(tenantA, runId, "pricebook.categories", SyncType.FULL, Instant.now(), Instant.now(),
							1500, 400L, 12, 34, 5, 17, 0, List.of(1L, 2L)));
			var startedId = publishSyncStarted(tenantB);

			await().atMost(TIMEOUT).until(() -> a.ids().size() == 1 && b.ids().size() == 1);
			assertThat(a.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
			var frame = a.eventFrames().getFirst();
			assertThat(frame.get("event").asString()).isEqualTo("sync:completed");
			assertThat(frame.get("id").asString()).isEqualTo(completedId);
			assertThat(OffsetDateTime.parse(frame.get("time").asString())).isEqualTo(time);
			var data = frame.get("data");
			assertThat(data.get("tenantId").asString()).isEqualTo(tenantA);
			assertThat(data.get("syncRunId").asString()).isEqualTo(runId.toString());
			assertThat(data.get("rootCount").asInt()).isEqualTo(12);
			assertThat(data.get("subcategoryCount").asInt()).isEqualTo(34);
			assertThat(b.ids()).containsExactly(startedId);
		}
	}

	@Test
	void replaysTheEventsAReconnectingClientMissedBeforeLiveOnes() {

		var tenant = tenant();
		try (var watcher = connect(tenant)) {
			String cursor;
			try (var client = connect(tenant)) {
				var lastSeen = publishSyncStarted(tenant);
				await().atMost(TIMEOUT).until(() -> client.ids().contains(lastSeen));
				cursor = client.cursor();
			}
			await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == 1);
			publish(Topics.PRICEBOOK_CHANGED, tenant + ":41000101", Events.PRICEBOOK_CATEGORY_UPDATED.name(), tenant,
					OffsetDateTime.now(), new CategoryChanged(tenant, 41000101L, null, 1, "41000101", "Pool Pumps", null, 2, true,
							List.of("name")));
			publish(Topics.SYNC_EVENTS, tenant, Events.PRICEBOOK_CATEGORIES_SYNCED.name(), OffsetDateTime.now(),
					new CategoriesSynced(tenant, UUID.randomUUID(), 3, 1, 1, 0));
			await().atMost(TIMEOUT).until(() -> watcher.ids().size() == 3);
			var missed = watcher.ids().subList(1, 3);

			try (var resumed = connect(tenant, "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))) {
				await().atMost(TIMEOUT).until(() -> resumed.ids().size() == 2);
				var live = publishSyncStarted(tenant);
				await().atMost(TIMEOUT).until(() -> resumed.ids().size() == 3);

				assertThat(resumed.ids()).containsExactly(missed.get(0), missed.get(1), live);
				assertThat(resumed.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
				assertThat(resumed.events().subList(1, 4)).containsExactlyInAnyOrder("pricebook:categories:updated",
						"pricebook:categories:synced", "sync:started");
			}
		}
	}

	@Test
	void deliversFieldChangesAndCommandOutcomesOnlyToTheSessionsOfTheirTenant() {

		var tenantA = tenant();
		var tenantB = tenant();
		try (var a = connect(tenantA); var b = connect(tenantB)) {
			var now = Instant.now();
			var customer = publish(Topics.FIELD_CHANGED, tenantA + ":4101", Events.FIELD_CUSTOMER_CHANGED.name(), tenantA,
					OffsetDateTime.now(), new CustomerChanged(tenantA, 4101L, "lazi", "updated", "Ada Pools", "Residential",
							null, true, now, now));
			// One job, one key: its three changes reach the browser in the order they were published.
			var statusChanged = publishJobChange(tenantA, Events.FIELD_JOB_STATUS_CHANGED.name(), "Dispatched", "Scheduled");
			var updated = publishJobChange(tenantA, Events.FIELD_JOB_UPDATED.name(), "Dispatched", null);
			var assigned = publishJobChange(tenantA, Events.FIELD_JOB_ASSIGNED.name(), "Dispatched", null);
			var providers = publish(Topics.FIELD_CHANGED, tenantA, Events.FIELD_PROVIDERS_CHANGED.name(), OffsetDateTime.now(),
					new ProvidersChanged(tenantA,
							List.of(new ProvidersChanged.DomainProvider("customers", "lazi"),
									new ProvidersChanged.DomainProvider("jobs", "servicetitan")),
							List.of("customers"), "owner@" + tenantA, now));
			var commandId = UUID.randomUUID();
			var completed = publish(Topics.FIELD_CHANGED, tenantA + ":5101", Events.FIELD_COMMAND_APPLIED.name(), tenantA,
					OffsetDateTime.now(),
					new FieldCommandCompleted(commandId, tenantA, FieldAction.ASSIGN_TECHNICIANS, 5101L, null,
							CommandOutcome.SUCCEEDED, 200, null, null, null, null, null, null, 2, 0, 180L, now));
			// The same job id in another tenant: a different job that only tenant B's sessions hear of.
			var other = publishJobChange(tenantB, Events.FIELD_JOB_ASSIGNED.name(), "Scheduled", null);

			await().atMost(TIMEOUT).until(() -> a.ids().size() == 6 && b.ids().size() == 1);
			assertThat(a.ids()).containsExactlyInAnyOrder(customer, statusChanged, updated, assigned, providers, completed);
			assertThat(a.ids()).filteredOn(List.of(statusChanged, updated, assigned)::contains)
				.containsExactly(statusChanged, updated, assigned);
			assertThat(a.eventFrames()).extracting(frame -> frame.get("event").asString())
				.containsExactlyInAnyOrder("customers:updated", "jobs:status-changed", "jobs:updated", "jobs:assigned",
						"providers:changed", "field:command-completed");
			var job = frame(a, assigned);
			assertThat(job.get("event").asString()).isEqualTo("jobs:assigned");
			assertThat(job.get("data").get("tenantId").asString()).isEqualTo(tenantA);
			assertThat(job.get("data").get("jobId").asLong()).isEqualTo(5101L);
			assertThat(job.get("data").get("technicianIds").get(0).asLong()).isEqualTo(77L);
			assertThat(frame(a, statusChanged).get("data").get("previousStatus").asString()).isEqualTo("Scheduled");
			assertThat(frame(a, customer).get("data").get("name").asString()).isEqualTo("Ada Pools");
			assertThat(frame(a, providers).get("data").get("changed").get(0).asString()).isEqualTo("customers");
			var outcome = frame(a, completed);
			assertThat(outcome.get("event").asString()).isEqualTo("field:command-completed");
			assertThat(outcome.get("data").get("commandId").asString()).isEqualTo(commandId.toString());
			assertThat(outcome.get("data").get("outcome").asString()).isEqualTo("SUCCEEDED");

			assertThat(b.ids()).containsExactly(other);
			assertThat(b.eventFrames().getFirst().get("data").get("tenantId").asString()).isEqualTo(tenantB);
		}
	}

	@Test
	void replaysTheFieldChangesAReconnectingClientMissed() {

		var tenant = tenant();
		try (var watcher = connect(tenant)) {
			String cursor;
			try (var client = connect(tenant)) {
				var lastSeen = publishSyncStarted(tenant);
				await().atMost(TIMEOUT).until(() -> client.ids().contains(lastSeen));
				cursor = client.cursor();
			}
			await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == 1);
			var assigned = publishJobChange(tenant, Events.FIELD_JOB_ASSIGNED.name(), "Dispatched", null);
			var completed = publish(Topics.FIELD_CHANGED, tenant + ":5101", Events.FIELD_COMMAND_APPLIED.name(), tenant,
					OffsetDateTime.now(),
					new FieldCommandCompleted(UUID.randomUUID(), tenant, FieldAction.ASSIGN_TECHNICIANS, 5101L, null,
							CommandOutcome.FAILED, 400, "Technician 77 is not active", null, null, null, null, null, 1, 0,
							90L, Instant.now()));
			await().atMost(TIMEOUT).until(() -> watcher.ids().size() == 3);

			try (var resumed = connect(tenant, "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))) {
				await().atMost(TIMEOUT).until(() -> resumed.ids().size() == 2);

				assertThat(resumed.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
				assertThat(resumed.ids()).containsExactlyInAnyOrder(assigned, completed);
				assertThat(resumed.events().subList(1, 3)).containsExactlyInAnyOrder("jobs:assigned",
						"field:command-completed");
			}
		}
	}

	@Test
	void deliversATaskAssignmentOnlyToTheAssigneesSessionsAndTheOtherCrmEventsToEverySessionOfTheTenant() {

		var tenant = tenant();
		try (var assignee = connect(tenant, "", "user-9"); var alsoAssignee = connect(tenant, "", "user-9");
				var colleague = connect(tenant, "", "user-7"); var otherTenant = connect(tenant(), "", "user-9")) {
			var task = UUID.randomUUID();
			var toAssignee = publishTaskAssigned(tenant, task, "user-9", null);
			// The same task, so the same partition: once the colleague has this, the first was read before it.
			var toColleague = publishTaskAssigned(tenant, task, "user-7", "user-9");
			var lead = publishLeadCreated(tenant);
			var now = Instant.now();
			var opportunity = UUID.randomUUID();
			var won = publish(Topics.CRM_OPPORTUNITIES, tenant + ":" + opportunity, Events.CRM_OPPORTUNITY_WON.name(),
					tenant, OffsetDateTime.now(), new OpportunityClosed(tenant, opportunity, "won", "Sales", "Job Sold",
							"Pool install", new BigDecimal("42000.00"), null, 70000001L, 73000001L, "pipeline", now));
			var caseId = UUID.randomUUID();
			var opened = publish(Topics.CRM_CASES, tenant + ":" + caseId, Events.CRM_CASE_OPENED.name(), tenant,
					OffsetDateTime.now(), new CaseOpened(tenant, caseId, 1, "warranty", "Pump leaks", "urgent", "new",
							UUID.randomUUID(), null, now.plusSeconds(4 * 3_600), "user-7", now));

			await().atMost(TIMEOUT).until(() -> assignee.ids().size() == 4 && alsoAssignee.ids().size() == 4
					&& colleague.ids().size() == 4);
			assertThat(assignee.ids()).containsExactlyInAnyOrder(toAssignee, lead, won, opened);
			assertThat(alsoAssignee.ids()).containsExactlyInAnyOrder(toAssignee, lead, won, opened);
			assertThat(colleague.ids()).containsExactlyInAnyOrder(toColleague, lead, won, opened);
			var assigned = frame(assignee, toAssignee);
			assertThat(assigned.get("event").asString()).isEqualTo("crm:task-assigned");
			assertThat(assigned.get("data").get("assigneeId").asString()).isEqualTo("user-9");
			assertThat(assigned.get("data").get("taskId").asString()).isEqualTo(task.toString());
			assertThat(frame(colleague, toColleague).get("data").get("previousAssigneeId").asString()).isEqualTo("user-9");
			assertThat(frame(colleague, lead).get("event").asString()).isEqualTo("crm:lead-created");
			assertThat(frame(colleague, won).get("event").asString()).isEqualTo("crm:opportunity-won");
			assertThat(frame(colleague, opened).get("event").asString()).isEqualTo("crm:case-opened");
			assertThat(otherTenant.ids()).isEmpty();
		}
	}

	@Test
	void replaysATaskAssignmentOnlyToTheAssigneesResumingSessions() {

		var tenant = tenant();
		try (var watcher = connect(tenant)) {
			String assigneeCursor;
			String colleagueCursor;
			var lastSeen = "";
			try (var assignee = connect(tenant, "", "user-9"); var colleague = connect(tenant, "", "user-7")) {
				lastSeen = publishSyncStarted(tenant);
				var seen = lastSeen;
				await().atMost(TIMEOUT).until(() -> assignee.ids().contains(seen) && colleague.ids().contains(seen));
				assigneeCursor = assignee.cursor();
				colleagueCursor = colleague.cursor();
			}
			await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == 1);
			var task = UUID.randomUUID();
			var toAssignee = publishTaskAssigned(tenant, task, "user-9", null);
			var lead = publishLeadCreated(tenant);
			// Reassigned to the watcher: once it has this, the assignment before it on the same partition was read.
			var toWatcher = publishTaskAssigned(tenant, task, TestTokens.USER, "user-9");
			await().atMost(TIMEOUT).until(() -> watcher.ids().size() == 3);
			assertThat(watcher.ids()).containsExactlyInAnyOrder(lastSeen, lead, toWatcher);
			String live;

			try (var colleague = connect(tenant, "?cursor=" + URLEncoder.encode(colleagueCursor, StandardCharsets.UTF_8),
					"user-7")) {
				await().atMost(TIMEOUT).until(() -> colleague.ids().contains(lead));
				// Live events follow the whole replay: once this one is there, nothing else was replayed.
				live = publishSyncStarted(tenant);
				var marker = live;
				await().atMost(TIMEOUT).until(() -> colleague.ids().contains(marker));

				assertThat(colleague.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
				assertThat(colleague.ids()).containsExactly(lead, live);
			}
			await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == 1);
			try (var assignee = connect(tenant, "?cursor=" + URLEncoder.encode(assigneeCursor, StandardCharsets.UTF_8),
					"user-9")) {
				await().atMost(TIMEOUT).until(() -> assignee.ids().size() == 3);

				assertThat(assignee.events().getFirst()).isEqualTo(TenantChannels.SUBSCRIBED);
				// What it missed: its assignment, the lead and the start published while the colleague was back.
				assertThat(assignee.ids()).containsExactlyInAnyOrder(toAssignee, lead, live);
				assertThat(frame(assignee, toAssignee).get("event").asString()).isEqualTo("crm:task-assigned");
			}
		}
	}

	@Test
	void refusesAHandshakeWithoutAValidTenant() {

		for (var headers : List.of(signedIn(new HttpHeaders()), tenantHeader("abc"), tenantHeader("12 OR 1=1"))) {
			var handshake = new ReactorNettyWebSocketClient().execute(uri(""), headers, session -> Mono.never());

			assertThatExceptionOfType(WebSocketClientHandshakeException.class)
				.isThrownBy(() -> handshake.block(TIMEOUT))
				.satisfies(ex -> assertThat(ex.response().status().code()).isEqualTo(400));
		}
		http().get()
			.uri("/ws")
			.headers(headers -> signedIn(headers))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://lazi.io/problems/missing-tenant");
	}

	@Test
	void ignoresEventTypesBrowsersAreNotToldAbout() {

		var tenant = tenant();
		try (var socket = connect(tenant)) {
			publish(Topics.SYNC_EVENTS, tenant, "io.lazi.crm.stage-moved.v1", OffsetDateTime.now(),
					new SyncStarted(tenant, UUID.randomUUID(), "crm", SyncType.FULL, Instant.now()));
			// Same key, same partition: once the known event arrives, the unknown one was read before it.
			var known = publishSyncStarted(tenant);

			await().atMost(TIMEOUT).until(() -> !socket.ids().isEmpty());
			assertThat(socket.ids()).containsExactly(known);
		}
	}

	@Test
	void exposesHealthAndTheOpenSessionsOfEachTenantOnTheManagementPortOnly() {

		var tenant = tenant();
		try (var socket = connect(tenant)) {
			await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == 1);

			http().get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
			http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
			var management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
			management.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
				.isEqualTo("UP");
			// The Kubernetes probes, without a token: readiness follows Kafka and the fan-out's assignment, liveness neither.
			management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
			management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
			assertThat(HealthGroups.members(context, "readiness")).containsExactly("kafka", "kafkaFanout", "readinessState");
			assertThat(HealthGroups.members(context, "liveness")).containsExactly("livenessState");
			management.get().uri("/actuator/mappings").exchange().expectStatus().isUnauthorized();
			// What Prometheus scrapes: this tenant's open session, the messages sent (the probe before each test
			// delivered sync:started), overflow closes, the handshakes and the fan-out listener, each series naming
			// the service.
			var metrics = PrometheusScrape.fetch(managementPort);
			assertThat(metrics.find("lazi_notification_sessions", "tenant", tenant)).singleElement()
				.satisfies(series -> assertThat(series.value()).isEqualTo(1.0));
			assertThat(metrics.find("lazi_notification_messages_total", "type", "sync:started")).singleElement()
				.satisfies(series -> assertThat(series.value()).isPositive());
			assertThat(metrics.find("lazi_notification_sessions_overflowed_total")).hasSize(1);
			assertThat(metrics.find("http_server_requests_seconds_bucket", "uri", "/ws", "status", "200")).isNotEmpty();
			assertThat(metrics.find("spring_kafka_listener_seconds_bucket", "spring_kafka_listener_id",
					"notification-fanout-0")).isNotEmpty();
			assertThat(metrics.without("application", "notification-service")).isEmpty();
		}
		await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == 0);
	}

	private TestSocket connect(String tenant) {
		return connect(tenant, "");
	}

	private TestSocket connect(String tenant, String query) {
		return connect(tenant, query, TestTokens.USER);
	}

	private TestSocket connect(String tenant, String query, String user) {

		var before = channels.openSessions(tenant);
		var socket = TestSocket.open(uri(query), tenant, user);
		await().atMost(TIMEOUT).until(() -> channels.openSessions(tenant) == before + 1);
		return socket;
	}

	private String publishSyncStarted(String tenant) {
		return publish(Topics.SYNC_EVENTS, tenant, Events.SYNC_STARTED.name(), OffsetDateTime.now(),
				new SyncStarted(tenant, UUID.randomUUID(), "pricebook.categories", SyncType.INCREMENTAL, Instant.now()));
	}

	private String publishTaskAssigned(String tenant, UUID task, String assignee, @Nullable String previous) {
		return publish(Topics.CRM_TASKS, tenant + ":" + task, Events.CRM_TASK_ASSIGNED.name(), tenant, OffsetDateTime.now(),
				new TaskAssigned(tenant, task, "Call back", "call", "high", Instant.now().plusSeconds(86_400),
						"America/Boise", assignee, previous, "user-1", null, null, Instant.now()));
	}

	private String publishLeadCreated(String tenant) {

		var lead = UUID.randomUUID();
		return publish(Topics.CRM_LEADS, tenant + ":" + lead, Events.CRM_LEAD_CREATED.name(), tenant, OffsetDateTime.now(),
				new LeadCreated(tenant, lead, "Dana Whitfield", "Whitfield Pools", null, null, "website", "new",
						new BigDecimal("18000.00"), null, null, "user-1", Instant.now()));
	}

	/** A change of job 5101 of {@code tenant}, assigned to technician 77. */
	private String publishJobChange(String tenant, String type, String status, @Nullable String previousStatus) {

		var now = Instant.now();
		return publish(Topics.FIELD_CHANGED, tenant + ":5101", type, tenant, OffsetDateTime.now(), new JobChanged(tenant,
				5101L, "servicetitan", 4101L, 4102L, status, previousStatus, List.of(77L), 12L, "Pump repair", now, now));
	}

	private static JsonNode frame(TestSocket socket, String id) {
		return socket.eventFrames().stream().filter(frame -> frame.get("id").asString().equals(id)).findFirst().orElseThrow();
	}

	private String publish(String topic, String tenant, String type, OffsetDateTime time, Object payload) {
		return publish(topic, tenant, type, tenant, time, payload);
	}

	private String publish(String topic, String key, String type, String tenant, OffsetDateTime time, Object payload) {

		var id = UUID.randomUUID();
		// As the topic's (first) producer: consumers refuse any other ce_source.
		var codec = new CloudEventCodec(json,
				KafkaAccess.of(topic).orElseThrow().producers().iterator().next().source());
		kafka.send(codec.toRecord(id, time, topic, key, type, key, tenant, codec.serialize(payload))).join();
		return id.toString();
	}

	private URI uri(String query) {
		return URI.create("ws://localhost:" + port + "/ws" + query);
	}

	private WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	private static HttpHeaders tenantHeader(String value) {

		var headers = signedIn(new HttpHeaders());
		headers.add("X-Tenant-ID", value);
		return headers;
	}

	private static HttpHeaders signedIn(HttpHeaders headers) {

		headers.setBearerAuth(TestTokens.user("3222348440", "VIEWER"));
		return headers;
	}

	@Test
	void refusesAHandshakeWithoutAValidTokenOrForATenantTheTokenDoesNotGrant() {

		var tenant = tenant();
		var cases = List.of(
				new Object[] { uri("?tenant=" + tenant), 401 },
				new Object[] { uri("?tenant=" + tenant + "&access_token=" + TestTokens.user(tenant, "VIEWER") + "x"), 401 },
				new Object[] { uri("?tenant=" + tenant + "&access_token=" + TestTokens.user(tenant(), "VIEWER")), 403 },
				new Object[] { uri("?tenant=" + tenant + "&access_token=" + TestTokens.user(tenant, "PIRATE")), 403 });
		for (var refused : cases) {
			var handshake = new ReactorNettyWebSocketClient().execute((URI) refused[0], new HttpHeaders(), session -> Mono.never());
			assertThatExceptionOfType(WebSocketClientHandshakeException.class).isThrownBy(() -> handshake.block(TIMEOUT))
				.satisfies(ex -> assertThat(ex.response().status().code()).isEqualTo(refused[1]));
		}
	}

	@Test
	void acceptsTheTokenAndTenantInTheQueryAsTheGatewayForwardsBrowsers() {

		var tenant = tenant();
		// Completes only after a 101: a refused handshake throws.
		new ReactorNettyWebSocketClient()
			.execute(uri("?tenant=" + tenant + "&access_token=" + TestTokens.user(tenant, "VIEWER")), new HttpHeaders(),
					session -> session.close())
			.block(TIMEOUT);
	}

	private static String tenant() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
	}
}
