package io.lazi.stingest.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.stingest.IntegrationTestSupport;
import io.lazi.stingest.servicetitan.OfficialSpecs;
import tools.jackson.databind.JsonNode;

/**
 * Resource {@code dispatch} ({@code /api/sync/dispatch}): technicians, teams, zones, job cancel and hold reasons,
 * technician shifts and appointment assignments, with their own cursors, after every completed crm run.
 */
class DispatchSyncIntegrationTests extends IntegrationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void publishesEveryDispatchListWithInactiveRecordsAndCloudEventsHeaders() {

		var tenant = freshTenant();
		stubLists(tenant);

		try (var technicians = new KafkaTestConsumer(Topics.ST_RAW_TECHNICIANS);
				var teams = new KafkaTestConsumer(Topics.ST_RAW_TEAMS);
				var zones = new KafkaTestConsumer(Topics.ST_RAW_ZONES);
				var reasons = new KafkaTestConsumer(Topics.ST_RAW_JOB_REASONS);
				var shifts = new KafkaTestConsumer(Topics.ST_RAW_TECHNICIAN_SHIFTS);
				var assignments = new KafkaTestConsumer(Topics.ST_RAW_APPOINTMENT_ASSIGNMENTS)) {
			var run = syncDispatch(tenant, "full");

			assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(run.path("rootCount").asInt()).isEqualTo(8);
			assertThat(run.path("stCalls").asInt()).isEqualTo(7);

			var technician = one(technicians, tenant + ":6001");
			assertThat(header(technician, "ce_type")).isEqualTo(Events.TECHNICIAN_FETCHED.name());
			assertThat(header(technician, "ce_tenantid")).isEqualTo(tenant);
			var record = json.readTree(technician.value()).path("record");
			assertThat(record.path("team").asString()).isEqualTo("North");
			assertThat(record.path("zoneIds")).hasSize(2);
			assertThat(json.readTree(one(teams, tenant + ":7001").value()).path("record").path("active").asBoolean()).isFalse();
			assertThat(header(one(zones, tenant + ":7101"), "ce_type")).isEqualTo(Events.ZONE_FETCHED.name());
			assertThat(header(one(reasons, tenant + ":7201"), "ce_type")).isEqualTo(Events.JOB_CANCEL_REASON_FETCHED.name());
			assertThat(header(one(reasons, tenant + ":7301"), "ce_type")).isEqualTo(Events.JOB_HOLD_REASON_FETCHED.name());
			assertThat(json.readTree(one(shifts, tenant + ":7401").value()).path("record").path("shiftType").asString())
				.isEqualTo("OnCall");
			var assignment = json.readTree(one(assignments, tenant + ":7501").value()).path("record");
			assertThat(assignment.path("appointmentId").asLong()).isEqualTo(82000001L);
			assertThat(assignment.path("active").asBoolean()).isTrue();
		}
		for (var list : List.of("/settings/v2/tenant/%s/technicians", "/dispatch/v2/tenant/%s/zones",
				"/jpm/v2/tenant/%s/job-cancel-reasons", "/jpm/v2/tenant/%s/job-hold-reasons",
				"/dispatch/v2/tenant/%s/technician-shifts", "/dispatch/v2/tenant/%s/appointment-assignments")) {
			ST.verify(getRequestedFor(urlPathEqualTo(list.formatted(tenant))).withQueryParam("active", equalTo("Any"))
				.withQueryParam("pageSize", equalTo("5000"))
				.withQueryParam("modifiedOnOrAfter", absent()));
		}
		// Teams have no active filter: inactive ones are asked for by includeInactive.
		ST.verify(getRequestedFor(urlPathEqualTo("/dispatch/v2/tenant/" + tenant + "/teams"))
			.withQueryParam("includeInactive", equalTo("true"))
			.withQueryParam("active", absent()));
	}

	@Test
	void sendsEachListsCursorMinusTheOverlapOnTheNextIncrementalPull() {

		var tenant = freshTenant();
		stubLists(tenant);
		syncDispatch(tenant, "full");

		var run = syncDispatch(tenant, "incremental");

		assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
		ST.verify(getRequestedFor(urlPathEqualTo("/settings/v2/tenant/" + tenant + "/technicians"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-01T09:58:00Z")));
		ST.verify(getRequestedFor(urlPathEqualTo("/dispatch/v2/tenant/" + tenant + "/teams"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-02T09:58:00Z")));
		ST.verify(getRequestedFor(urlPathEqualTo("/dispatch/v2/tenant/" + tenant + "/appointment-assignments"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-07T09:58:00Z")));
		assertThat(httpGet("/api/sync/dispatch/status", tenant).body().path("cursor").asString())
			.isEqualTo("2026-11-01T09:58:00Z");
	}

	@Test
	void followsEveryCompletedCrmRunWithARunOfTheSameType() {

		var tenant = freshTenant();
		stubLists(tenant);
		var empty = okJson(page());
		for (var crm : List.of("/settings/v2/tenant/%s/business-units", "/crm/v2/tenant/%s/customers",
				"/crm/v2/tenant/%s/locations", "/jpm/v2/tenant/%s/jobs", "/jpm/v2/tenant/%s/appointments",
				"/sales/v2/tenant/%s/estimates", "/crm/v2/tenant/%s/leads", "/crm/v2/tenant/%s/bookings")) {
			ST.stubFor(get(tenant, crm.formatted(tenant)).willReturn(empty));
		}

		var crm = httpPost("/api/sync/crm/full", tenant);
		assertThat(crm.status()).isEqualTo(202);

		await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
			.until(() -> httpGet("/api/sync/dispatch/status", tenant).body().path("lastCompleted").isObject());
		var followed = httpGet("/api/sync/dispatch/status", tenant).body().path("lastCompleted");
		assertThat(followed.path("syncType").asString()).isEqualTo("FULL");
		assertThat(followed.path("trigger").asString()).isEqualTo("MANUAL");
		assertThat(followed.path("rootCount").asInt()).isEqualTo(8);
	}

	@Test
	void sendsOnlyRequestsTheOfficialSpecsAccept() {

		var tenant = freshTenant();
		stubLists(tenant);
		syncDispatch(tenant, "full");
		syncDispatch(tenant, "incremental");

		var sent = ST.findAll(getRequestedFor(urlPathMatching("/(settings|dispatch|jpm)/v2/tenant/" + tenant + "/.*")));

		assertThat(sent).hasSize(14);
		assertThat(sent).allSatisfy(OfficialSpecs::assertValid);
	}

	@Test
	void answers404ForAnUnconfiguredTenant() {

		assertThat(httpPost("/api/sync/dispatch/full", "4242").status()).isEqualTo(404);
		assertThat(httpGet("/api/sync/dispatch/status", "4242").status()).isEqualTo(404);
	}

	private void stubLists(String tenant) {

		var settings = "/settings/v2/tenant/" + tenant;
		var dispatch = "/dispatch/v2/tenant/" + tenant;
		var jpm = "/jpm/v2/tenant/" + tenant;
		ST.stubFor(get(tenant, settings + "/technicians").willReturn(okJson(page(Map.ofEntries(Map.entry("id", 6001),
				Map.entry("userId", 9001), Map.entry("name", "Riley Chen"), Map.entry("businessUnitId", 5001),
				Map.entry("mainZoneId", 7101), Map.entry("zoneIds", List.of(7101, 7102)), Map.entry("team", "North"),
				Map.entry("active", true), Map.entry("createdOn", "2025-01-01T00:00:00Z"),
				Map.entry("modifiedOn", "2026-11-01T10:00:00Z"))))));
		ST.stubFor(get(tenant, dispatch + "/teams").willReturn(okJson(page(Map.of("id", 7001, "active", false, "name",
				"North", "createdOn", "2025-01-01T00:00:00Z", "modifiedOn", "2026-11-02T10:00:00Z")))));
		ST.stubFor(get(tenant, dispatch + "/zones").willReturn(okJson(page(Map.of("id", 7101, "active", true, "name",
				"Mesa", "zips", List.of("85001"), "technicians", List.of(6001), "createdOn", "2025-01-01T00:00:00Z",
				"modifiedOn", "2026-11-03T10:00:00Z")))));
		ST.stubFor(get(tenant, jpm + "/job-cancel-reasons").willReturn(okJson(page(Map.of("id", 7201, "name",
				"Customer canceled", "active", true, "createdOn", "2025-01-01T00:00:00Z", "modifiedOn", "2026-11-04T10:00:00Z")))));
		ST.stubFor(get(tenant, jpm + "/job-hold-reasons").willReturn(okJson(page(Map.of("id", 7301, "name", "Parts on order",
				"active", true, "createdOn", "2025-01-01T00:00:00Z", "modifiedOn", "2026-11-05T10:00:00Z")))));
		ST.stubFor(get(tenant, dispatch + "/technician-shifts").willReturn(okJson(page(Map.of("id", 7401, "shiftType",
				"OnCall", "title", "Weekend", "active", true, "technicianId", 6001, "start", "2026-11-07T08:00:00Z", "end",
				"2026-11-07T18:00:00Z", "createdOn", "2025-01-01T00:00:00Z", "modifiedOn", "2026-11-06T10:00:00Z")))));
		ST.stubFor(get(tenant, dispatch + "/appointment-assignments").willReturn(okJson(page(
				Map.ofEntries(Map.entry("id", 7501), Map.entry("technicianId", 6001), Map.entry("technicianName", "Riley Chen"),
						Map.entry("assignedById", 9002), Map.entry("assignedOn", "2026-11-07T09:00:00Z"),
						Map.entry("status", "Scheduled"), Map.entry("isPaused", false), Map.entry("jobId", 80000001),
						Map.entry("appointmentId", 82000001), Map.entry("active", true),
						Map.entry("createdOn", "2026-11-07T09:00:00Z"), Map.entry("modifiedOn", "2026-11-07T10:00:00Z")),
				Map.ofEntries(Map.entry("id", 7502), Map.entry("technicianId", 6002), Map.entry("technicianName", "Sam Ortiz"),
						Map.entry("assignedById", 9002), Map.entry("assignedOn", "2026-11-07T09:00:00Z"),
						Map.entry("status", "Scheduled"), Map.entry("isPaused", false), Map.entry("jobId", 80000001),
						Map.entry("appointmentId", 82000001), Map.entry("active", false),
						Map.entry("createdOn", "2026-11-07T09:00:00Z"), Map.entry("modifiedOn", "2026-11-07T09:30:00Z"))))));
	}

	private JsonNode syncDispatch(String tenant, String type) {

		var started = httpPost("/api/sync/dispatch/" + type, tenant);
		assertThat(started.status()).as("start: %s", started).isEqualTo(202);
		var id = started.body().path("syncRunId").asString();
		var ended = new JsonNode[1];
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
			ended[0] = httpGet("/api/sync/dispatch/runs/" + id, tenant).body();
			return !"RUNNING".equals(ended[0].path("status").asString());
		});
		return ended[0];
	}

	private String page(Object... records) {
		return json.writeValueAsString(Map.of("page", 1, "pageSize", 5000, "hasMore", false, "totalCount", records.length,
				"data", List.of(records)));
	}

	private static MappingBuilder get(String tenant, String path) {
		return WireMock.get(urlPathEqualTo(path))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer tok-" + tenant))
			.withHeader("ST-App-Key", equalTo(APP_KEY));
	}

	private static ConsumerRecord<String, byte[]> one(KafkaTestConsumer consumer, String key) {
		return consumer.await(r -> r.key().equals(key), WAIT).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {

		var header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}
}
