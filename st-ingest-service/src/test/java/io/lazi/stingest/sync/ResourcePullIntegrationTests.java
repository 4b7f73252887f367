package io.lazi.stingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.stingest.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/** A resource that provides only its pull ({@link WidgetPull}) gets runs, cursor, API and events. */
class ResourcePullIntegrationTests extends IntegrationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test // GH-9
	void runsAResourceThatProvidesOnlyItsPull() {

		var tenant = freshTenant();
		try (var syncEvents = new KafkaTestConsumer(Topics.SYNC_EVENTS)) {
			var started = httpPost("/api/sync/test/widgets/incremental", tenant);

			assertThat(started.status()).isEqualTo(202);
			var id = started.body().path("syncRunId").asString();
			assertThat(started.body().path("statusUrl").asString()).isEqualTo("/api/sync/test/widgets/runs/" + id);
			var run = awaitWidgets(tenant, id);
			assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(run.path("rootCount").asInt()).isEqualTo(2);

			var completed = syncEvents.await(r -> tenant.equals(header(r, "ce_tenantid"))
					&& Events.SYNC_COMPLETED.name().equals(header(r, "ce_type")), WAIT);
			var payload = json.readValue(completed.getFirst().value(), SyncCompleted.class);
			assertThat(payload.resource()).isEqualTo("test.widgets");
			assertThat(payload.syncRunId().toString()).isEqualTo(id);
		}
		var status = httpGet("/api/sync/test/widgets/status", tenant).body();
		assertThat(status.path("lastCompleted").path("rootCount").asInt()).isEqualTo(2);
		assertThat(status.path("cursor").asString()).isEqualTo("2026-03-01T09:59:00Z");
		assertThat(httpGet("/api/sync/test/widgets/logs", tenant).body().path("totalItems").asInt()).isEqualTo(1);
		assertThat(httpGet("/api/sync/pricebook/logs", tenant).body().path("totalItems").asInt()).isZero();
	}

	@Test // GH-9
	void answers404ForAnUnknownResource() {

		var tenant = freshTenant();

		assertThat(httpGet("/api/sync/nothing/status", tenant).status()).isEqualTo(404);
		assertThat(httpPost("/api/sync/pricebook/nothing/full", tenant).status()).isEqualTo(404);
	}

	@Test // GH-9
	void keepsTheRunPathOfAOneSegmentResourceUnambiguous() {

		var tenant = freshTenant();

		assertThat(httpGet("/api/sync/pricebook/runs/status", tenant).status()).isEqualTo(400);
		assertThat(httpGet("/api/sync/pricebook/runs/logs", tenant).status()).isEqualTo(400);
	}

	@Test
	void answersAPathNoEndpointServesWithTheNotFoundProblem() {

		var answer = httpGet("/api/sync/pricebook/runs", freshTenant());

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().path("type").asString()).isEqualTo("https://lazi.io/problems/not-found");
	}

	private JsonNode awaitWidgets(String tenant, String id) {

		var ended = new JsonNode[1];
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
			ended[0] = httpGet("/api/sync/test/widgets/runs/" + id, tenant).body();
			return !"RUNNING".equals(ended[0].path("status").asString());
		});
		return ended[0];
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}
}
