package io.lazi.stingest.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.stingest.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class CrmSyncIntegrationTests extends IntegrationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test // GH-5
	void publishesEveryRecordTypeInOrderWithContactsAttachedAndCloudEventsHeaders() {

		var tenant = freshTenant();
		stubFeeds(tenant);

		try (var customers = new KafkaTestConsumer(Topics.ST_RAW_CUSTOMERS);
				var jobs = new KafkaTestConsumer(Topics.ST_RAW_JOBS);
				var estimates = new KafkaTestConsumer(Topics.ST_RAW_ESTIMATES);
				var units = new KafkaTestConsumer(Topics.ST_RAW_BUSINESS_UNITS);
				var appointments = new KafkaTestConsumer(Topics.ST_RAW_APPOINTMENTS);
				var locations = new KafkaTestConsumer(Topics.ST_RAW_LOCATIONS);
				var leads = new KafkaTestConsumer(Topics.ST_RAW_LEADS);
				var bookings = new KafkaTestConsumer(Topics.ST_RAW_BOOKINGS)) {
			var run = syncCrm(tenant, "full");

			assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
			// 8 records and the job's history
			assertThat(run.path("rootCount").asInt()).isEqualTo(9);
			assertThat(run.path("stCalls").asInt()).isEqualTo(10);

			var customer = one(customers, tenant + ":70000001");
			assertThat(header(customer, "ce_type")).isEqualTo(Events.CUSTOMER_FETCHED.name());
			assertThat(header(customer, "ce_subject")).isEqualTo("70000001");
			assertThat(header(customer, "ce_tenantid")).isEqualTo(tenant);
			var payload = json.readTree(customer.value());
			assertThat(payload.path("syncType").asString()).isEqualTo("FULL");
			assertThat(payload.path("record").path("contacts")).hasSize(2);
			assertThat(payload.path("record").path("contacts").get(1).path("value").asString()).isEqualTo("a@example.com");

			var location = one(locations, tenant + ":71000001");
			assertThat(header(location, "ce_type")).isEqualTo(Events.LOCATION_FETCHED.name());
			assertThat(header(location, "ce_subject")).isEqualTo("71000001");
			var locationRecord = json.readTree(location.value()).path("record");
			assertThat(locationRecord.path("customerId").asLong()).isEqualTo(70000001L);
			assertThat(locationRecord.path("name").asString()).isEqualTo("Home");
			assertThat(locationRecord.path("address").path("city").asString()).isEqualTo("Mesa");

			assertThat(header(one(units, tenant + ":5003"), "ce_type"))
				.isEqualTo(Events.BUSINESS_UNIT_FETCHED.name());
			jobs.await(r -> r.key().equals(tenant + ":80000001")
					&& header(r, "ce_type").equals(Events.JOB_HISTORY_FETCHED.name()), WAIT);
			var job = jobs.records()
				.stream()
				.filter(r -> r.key().equals(tenant + ":80000001"))
				.toList();
			assertThat(job).extracting(r -> header(r, "ce_type"))
				.as("the job, then its history, on the job's key")
				.containsExactly(Events.JOB_FETCHED.name(), Events.JOB_HISTORY_FETCHED.name());
			var history = json.readTree(job.get(1).value()).path("record");
			assertThat(history.path("jobId").asLong()).isEqualTo(80000001L);
			assertThat(history.path("history")).hasSize(2);
			assertThat(history.path("history").get(1).path("eventType").asString()).isEqualTo("Technician Dispatched");
			assertThat(header(job.get(1), "ce_subject")).isEqualTo("80000001");
			var lead = json.readTree(one(leads, tenant + ":84000001").value()).path("record");
			assertThat(lead.path("status").asString()).isEqualTo("Open");
			assertThat(lead.path("leadCustomerName").asString()).isEqualTo("Jo Park");
			var booking = one(bookings, tenant + ":85000001");
			assertThat(header(booking, "ce_type")).isEqualTo(Events.BOOKING_FETCHED.name());
			assertThat(json.readTree(booking.value()).path("record").path("status").asString()).isEqualTo("PendingProcess");
			assertThat(header(one(appointments, tenant + ":82000001"), "ce_type"))
				.isEqualTo(Events.APPOINTMENT_FETCHED.name());
			var estimate = one(estimates, tenant + ":83000001");
			assertThat(json.readTree(estimate.value()).path("record").path("status").path("name").asString()).isEqualTo("Open");
		}
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/customers"))
			.withQueryParam("pageSize", equalTo("5000"))
			.withQueryParam("active", equalTo("Any"))
			.withQueryParam("modifiedOnOrAfter", absent()));
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/locations"))
			.withQueryParam("active", equalTo("Any"))
			.withQueryParam("modifiedOnOrAfter", absent()));
		ST.verify(getRequestedFor(urlPathEqualTo("/jpm/v2/tenant/" + tenant + "/jobs")).withQueryParam("active", absent()));
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/leads")).withQueryParam("active", absent()));
		ST.verify(1, getRequestedFor(urlPathEqualTo("/jpm/v2/tenant/" + tenant + "/jobs/80000001/history")));
	}

	@Test
	void publishesAJobWithoutHistoryWhenServiceTitanNoLongerHasIt() {

		var tenant = freshTenant();
		stubFeeds(tenant);
		ST.stubFor(get(tenant, "/jpm/v2/tenant/" + tenant + "/jobs/80000001/history").atPriority(1)
			.willReturn(status(404)));

		try (var jobs = new KafkaTestConsumer(Topics.ST_RAW_JOBS)) {
			var run = syncCrm(tenant, "full");

			assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(run.path("rootCount").asInt()).isEqualTo(8);
			assertThat(one(jobs, tenant + ":80000001")).satisfies(
					job -> assertThat(header(job, "ce_type")).isEqualTo(Events.JOB_FETCHED.name()));
			assertThat(jobs.drain(Duration.ofMillis(500)))
				.noneMatch(r -> r.key().equals(tenant + ":80000001") && header(r, "ce_type").equals(Events.JOB_HISTORY_FETCHED.name()));
		}
	}

	@Test // GH-5
	void sendsEachFeedsCursorMinusTheOverlapOnTheNextIncrementalPull() {

		var tenant = freshTenant();
		stubFeeds(tenant);
		syncCrm(tenant, "full");

		var run = syncCrm(tenant, "incremental");

		assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/customers"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-10T09:58:00Z")));
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/locations"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-10T10:28:00Z")));
		ST.verify(getRequestedFor(urlPathEqualTo("/sales/v2/tenant/" + tenant + "/estimates"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-19T13:58:00Z")));
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/leads"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-19T14:58:00Z")));
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/bookings"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-19T15:58:00Z")));
		assertThat(httpGet("/api/sync/crm/status", tenant).body().path("cursor").asString()).isEqualTo("2026-11-10T09:58:00Z");
	}

	@Test // issue 15: a contact edited on its own waited for the nightly full run
	void republishesACustomerWhoseContactAloneChangedOnTheNextIncrementalPull() {

		var tenant = freshTenant();
		stubFeeds(tenant);
		syncCrm(tenant, "full");
		var crm = "/crm/v2/tenant/" + tenant;
		// Since the full run: one phone number edited, the customer itself untouched.
		ST.stubFor(get(tenant, crm + "/customers").atPriority(1).withQueryParam("modifiedOnOrAfter", matching(".+"))
			.willReturn(okJson(page())));
		ST.stubFor(get(tenant, crm + "/customers/contacts").atPriority(1)
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-10T09:58:00Z"))
			.willReturn(okJson(page(Map.of("id", 1, "customerId", 70000001, "type", "Phone", "value", "4805550099",
					"phoneSettings", Map.of("phoneNumber", "4805550099", "doNotText", false), "createdOn",
					"2026-01-01T00:00:00Z", "modifiedOn", "2026-11-21T08:00:00Z")))));
		ST.stubFor(get(tenant, crm + "/customers/70000001/contacts").atPriority(1).willReturn(okJson(page(
				Map.of("id", 1, "type", "Phone", "value", "4805550099"), Map.of("id", 2, "type", "Email", "value", "a@example.com")))));

		try (var customers = new KafkaTestConsumer(Topics.ST_RAW_CUSTOMERS)) {
			var run = syncCrm(tenant, "incremental");

			assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
			var republished = customers.await(r -> r.key().equals(tenant + ":70000001")
					&& json.readTree(r.value()).path("syncType").asString().equals("INCREMENTAL"), WAIT)
				.stream()
				.filter(r -> r.key().equals(tenant + ":70000001"))
				.map(r -> json.readTree(r.value()))
				.filter(p -> p.path("syncType").asString().equals("INCREMENTAL"))
				.toList();
			assertThat(republished).singleElement()
				.satisfies(p -> assertThat(p.path("record").path("contacts").get(0).path("value").asString())
					.isEqualTo("4805550099"));
		}
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/customers"))
			.withQueryParam("ids", equalTo("70000001")));

		syncCrm(tenant, "incremental");
		ST.verify(getRequestedFor(urlPathEqualTo("/crm/v2/tenant/" + tenant + "/customers/contacts"))
			.withQueryParam("modifiedOnOrAfter", equalTo("2026-11-21T07:58:00Z")));
	}

	@Test // GH-5
	void honoursA429AndCountsIt() {

		var tenant = freshTenant();
		stubFeeds(tenant);
		ST.stubFor(get(tenant, "/settings/v2/tenant/" + tenant + "/business-units").inScenario("limited" + tenant)
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willSetStateTo("open")
			.willReturn(status(429).withHeader(HttpHeaders.RETRY_AFTER, "1")));

		var run = syncCrm(tenant, "full");

		assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("rateLimited").asInt()).isEqualTo(1);
		assertThat(run.path("stCalls").asInt()).isEqualTo(11);
	}

	@Test // GH-5
	void keepsCrmRunsOutOfThePricebookRunsAndViceVersa() {

		var tenant = freshTenant();
		stubFeeds(tenant);
		var run = syncCrm(tenant, "full").path("syncRunId").asString();

		assertThat(httpGet("/api/sync/crm/runs/" + run, tenant).status()).isEqualTo(200);
		assertThat(httpGet("/api/sync/pricebook/runs/" + run, tenant).status()).isEqualTo(404);
		assertThat(httpGet("/api/sync/pricebook/logs", tenant).body().path("totalItems").asInt()).isZero();
	}

	@Test // GH-5
	void answers404ForAnUnconfiguredTenant() {

		assertThat(httpPost("/api/sync/crm/full", "4242").status()).isEqualTo(404);
		assertThat(httpGet("/api/sync/crm/status", "4242").status()).isEqualTo(404);
	}

	@Test // GH-5
	void sendsOnlyRequestsTheOfficialSpecsAccept() {

		var tenant = freshTenant();
		stubFeeds(tenant);
		syncCrm(tenant, "full");
		syncCrm(tenant, "incremental");

		var specs = Map.of("settings", validator("settings-v2.json", "/settings/v2"), "crm",
				validator("crm-v2.json", "/crm/v2"), "jpm", validator("jpm-v2.json", "/jpm/v2"), "sales",
				validator("salestech-v2.json", "/sales/v2"));
		var sent = ST.findAll(getRequestedFor(urlPathMatching("/(settings|crm|jpm|sales)/v2/tenant/" + tenant + "/.*")));

		assertThat(sent).hasSizeGreaterThanOrEqualTo(20);
		assertThat(sent).anyMatch(request -> request.getUrl().startsWith("/crm/v2/tenant/" + tenant + "/locations?"));
		assertThat(sent).anyMatch(request -> request.getUrl().startsWith("/crm/v2/tenant/" + tenant + "/leads?"));
		assertThat(sent).anyMatch(request -> request.getUrl().startsWith("/crm/v2/tenant/" + tenant + "/bookings?"));
		assertThat(sent).anyMatch(request -> request.getUrl().equals("/jpm/v2/tenant/" + tenant + "/jobs/80000001/history"));
		for (var request : sent) {
			var module = request.getUrl().substring(1, request.getUrl().indexOf('/', 1));
			var report = specs.get(module).validateRequest(toRequest(request));
			assertThat(report.getMessages()).as("%s %s", request.getMethod(), request.getUrl()).isEmpty();
		}
		// the validators do reject what ServiceTitan would
		var wrong = SimpleRequest.Builder.get("/crm/v2/tenant/" + tenant + "/customers").withQueryParam("active", "Everything").build();
		assertThat(specs.get("crm").validateRequest(wrong).hasErrors()).isTrue();
	}

	private static OpenApiInteractionValidator validator(String file, String basePath) {
		return OpenApiInteractionValidator.createForSpecificationUrl(officialSpec(file).toUri().toString())
			.withBasePathOverride(basePath)
			.build();
	}

	private static Request toRequest(LoggedRequest logged) {

		var builder = SimpleRequest.Builder.get(logged.getUrl().replaceFirst("\\?.*", ""));
		logged.getQueryParams().forEach((name, values) -> builder.withQueryParam(name, values.values()));
		logged.getHeaders().all().forEach(header -> builder.withHeader(header.key(), header.values()));
		return builder.build();
	}

	private static Path officialSpec(String file) {

		var dir = Path.of("").toAbsolutePath();
		for (var at = dir; at != null; at = at.getParent()) {
			var candidate = at.resolve("shared/servicetitan/specs/" + file);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		Assumptions.assumeTrue(false, "ServiceTitan's official spec shared/servicetitan/specs/" + file
				+ " was not found in any parent of " + dir + "; it lives beside the repository, never inside it");
		throw new IllegalStateException("unreachable");
	}

	private void stubFeeds(String tenant) {

		var settings = "/settings/v2/tenant/" + tenant;
		var crm = "/crm/v2/tenant/" + tenant;
		var jpm = "/jpm/v2/tenant/" + tenant;
		ST.stubFor(get(tenant, settings + "/business-units").atPriority(5).willReturn(okJson(page(Map.of("id", 5003,
				"active", true, "name", "Pool - Install", "modifiedOn", "2026-01-01T00:00:00Z")))));
		ST.stubFor(get(tenant, crm + "/customers").willReturn(okJson(page(Map.of("id", 70000001, "active", true, "name",
				"Avery Alvarez", "type", "Residential", "address", Map.of("street", "1 Oak St", "city", "Mesa", "state",
						"AZ", "zip", "85001", "country", "USA"),
				"createdOn", "2026-01-01T00:00:00Z", "modifiedOn", "2026-11-10T10:00:00Z")))));
		ST.stubFor(get(tenant, crm + "/customers/70000001/contacts").willReturn(okJson(page(
				Map.of("id", 1, "type", "Phone", "value", "4805550001"), Map.of("id", 2, "type", "Email", "value", "a@example.com")))));
		ST.stubFor(get(tenant, crm + "/customers/contacts").atPriority(5).willReturn(okJson(page())));
		ST.stubFor(get(tenant, crm + "/locations").willReturn(okJson(page(Map.of("id", 71000001, "customerId", 70000001,
				"active", true, "name", "Home", "address", Map.of("street", "1 Oak St", "city", "Mesa", "state", "AZ", "zip",
						"85001", "country", "USA"),
				"createdOn", "2026-01-01T00:00:00Z", "modifiedOn", "2026-11-10T10:30:00Z")))));
		ST.stubFor(get(tenant, jpm + "/jobs").willReturn(okJson(page(Map.of("id", 80000001, "jobNumber", "80000001",
				"customerId", 70000001, "jobStatus", "Scheduled", "businessUnitId", 5001, "modifiedOn", "2026-11-19T12:00:00Z")))));
		ST.stubFor(get(tenant, jpm + "/appointments").willReturn(okJson(page(Map.of("id", 82000001, "jobId", 80000001,
				"status", "Scheduled", "customerId", 70000001, "active", true, "modifiedOn", "2026-11-19T13:00:00Z")))));
		ST.stubFor(get(tenant, "/sales/v2/tenant/" + tenant + "/estimates").willReturn(okJson(page(Map.of("id", 83000001,
				"jobId", 80000001, "status", Map.of("value", 0, "name", "Open"), "subtotal", 1500, "tax", 120, "active",
				true, "modifiedOn", "2026-11-19T14:00:00Z")))));
		ST.stubFor(get(tenant, jpm + "/jobs/80000001/history").willReturn(okJson(json.writeValueAsString(Map.of("history",
				List.of(Map.of("id", 1, "employeeId", 770021, "eventType", "Job Booked", "date", "2026-11-19T11:00:00Z",
						"usedSchedulingTool", "None", "memo", ""),
						Map.of("id", 2, "eventType", "Technician Dispatched", "date", "2026-11-19T12:00:00Z",
								"usedSchedulingTool", "None", "memo", "on the way")))))));
		ST.stubFor(get(tenant, crm + "/leads").willReturn(okJson(page(Map.of("id", 84000001, "status", "Open", "priority",
				"Normal", "campaignId", 220, "createdById", 770021, "leadCustomerName", "Jo Park", "leadPhone", "4805550123",
				"createdOn", "2026-11-19T15:00:00Z", "modifiedOn", "2026-11-19T15:00:00Z")))));
		ST.stubFor(get(tenant, crm + "/bookings").willReturn(okJson(page(Map.of("id", 85000001, "source", "Web", "name",
				"Sam Lee", "start", "2026-11-20T16:00:00Z", "status", "PendingProcess", "externalId", "web-1",
				"bookingProviderId", 12, "createdOn", "2026-11-19T16:00:00Z", "modifiedOn", "2026-11-19T16:00:00Z")))));
	}

	private JsonNode syncCrm(String tenant, String type) {

		var started = httpPost("/api/sync/crm/" + type, tenant);
		assertThat(started.status()).as("start: %s", started).isEqualTo(202);
		var id = started.body().path("syncRunId").asString();
		var ended = new JsonNode[1];
		org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
			ended[0] = httpGet("/api/sync/crm/runs/" + id, tenant).body();
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
