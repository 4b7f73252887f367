package io.lazi.crm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityStageMoved;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StJobHistory;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.PrometheusScrape;
import io.lazi.platform.test.TestTokens;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class PipelineIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final UUID run = UUID.randomUUID();

	private final Instant now = Instant.now();

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final CloudEventCodec codec;

	private final PipelineQueries queries;

	private final MockMvc mvc;

	private final PrometheusScrapeEndpoint prometheus;

	private final KafkaTestConsumer moved = new KafkaTestConsumer(Topics.CRM_STAGE_MOVED);

	@Autowired
	PipelineIntegrationTests(KafkaTemplate<String, byte[]> kafka, JsonMapper json, PipelineQueries queries,
			MockMvc mvc, PrometheusScrapeEndpoint prometheus) {
		this.kafka = kafka;
		this.json = json;
		this.codec = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.queries = queries;
		this.mvc = mvc;
		this.prometheus = prometheus;
	}

	@AfterEach
	void close() {
		moved.close();
	}

	@Test // GH-5 out-of-order and duplicate delivery
	void endsInTheSameStateWhateverTheOrderAndPublishesValidStageMoves() throws Exception {

		var soldBefore = ruleApplications(PrometheusScrape.of(prometheus), "job-sold");
		var estimateEvent = UUID.randomUUID();
		publish(estimateEvent, Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED.name(), 30,
				new StEstimate(30, 10L, 7L, "Pool heater", new StEstimate.Status(1, "Sold"), new BigDecimal("1000.00"),
						new BigDecimal("80.00"), now, true, 5L, "Pool - Sales", now, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_APPOINTMENTS, Events.APPOINTMENT_FETCHED.name(), 20,
				new StAppointment(20, 10, "A-1", now, now, "Scheduled", 7, true, now, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 10, new StJob(10, "J-10", 7, null,
				"Scheduled", null, 5, null, 1, 20L, null, List.of(30L), null, now.minusSeconds(3600), now));
		publish(UUID.randomUUID(), Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 7,
				new StCustomer(7, true, "Jane Pool", "Residential",
						new StAddress("1 Main St", null, "Tampa", "FL", "33601", "USA"),
						List.of(new StContact(1, "Email", "jane@example.com", null),
								new StContact(2, "MobilePhone", "(813) 555-0100", null)),
						null, now, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED.name(), 5,
				new StBusinessUnit(5, true, "Pool - Sales", null, now));

		var opportunity = await().atMost(TIMEOUT).until(() -> queries.opportunities(new Tenant(tenant), null, null, null,
				new PageRequest(0, 10)).items(), items -> items.size() == 1 && "JOB_SOLD".equals(items.getFirst().stage()))
			.getFirst();
		assertThat(opportunity.title()).isEqualTo("Pool heater - $1080.00");
		assertThat(opportunity.status()).isEqualTo("won");
		assertThat(opportunity.contactName()).isEqualTo("Jane Pool");

		publish(estimateEvent, Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED.name(), 30,
				new StEstimate(30, 10L, 7L, "Pool heater", new StEstimate.Status(0, "Open"), new BigDecimal("1000.00"),
						new BigDecimal("80.00"), null, true, 5L, "Pool - Sales", now, now.plusSeconds(60)));
		publish(UUID.randomUUID(), Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED.name(), 31,
				new StEstimate(31, 10L, 7L, "Spa", new StEstimate.Status(0, "Open"), new BigDecimal("50.00"),
						BigDecimal.ZERO, null, true, 5L, "Pool - Sales", now, now));

		var records = moved.drain(Duration.ofSeconds(3))
			.stream()
			.filter(r -> r.key().startsWith(tenant + ":"))
			.toList();
		var events = records.stream().map(r -> json.readValue(r.value(), OpportunityStageMoved.class)).toList();
		// Intermediate moves depend on which topic's record arrived first; the end state does not.
		assertThat(events.getFirst().fromStage()).isNull();
		assertThat(events).extracting(OpportunityStageMoved::toStage).containsOnlyOnce("Job Sold").endsWith("Job Sold");
		assertThat(events.getLast()).extracting(OpportunityStageMoved::stCustomerId,
				OpportunityStageMoved::stEstimateId, OpportunityStageMoved::reason, OpportunityStageMoved::status)
			.containsExactly(7L, 30L, "estimate-sold", "won");
		for (var record : records) {
			assertThat(schema().validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value())))
				.isEmpty();
		}
		assertThat(queries.opportunity(new Tenant(tenant), opportunity.id()).opportunity().stage()).isEqualTo("JOB_SOLD");

		mvc.perform(put("/api/crm/opportunities/{id}/stage", opportunity.id()).header("X-Tenant-ID", tenant).with(signedIn(tenant))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"stage\":\"ESTIMATE_FOLLOW_UP\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("stage"));
		mvc.perform(put("/api/crm/opportunities/{id}/stage", opportunity.id()).header("X-Tenant-ID", tenant).with(signedIn(tenant))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"stage\":\"NOWHERE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("stage"));
		mvc.perform(get("/api/crm/sync/stats").header("X-Tenant-ID", tenant).with(signedIn(tenant)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contacts").value(1))
			.andExpect(jsonPath("$.opportunities").value(1))
			.andExpect(jsonPath("$.pipelines[0].stages[5].count").value(1));
		mvc.perform(get("/api/crm/contacts").param("search", "555-0100").header("X-Tenant-ID", tenant).with(signedIn(tenant)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].email").value("jane@example.com"));
		mvc.perform(get("/api/crm/opportunities/{id}", opportunity.id()).header("X-Tenant-ID", "1").with(signedIn("1")))
			.andExpect(status().isNotFound());

		// On /actuator/prometheus: the sale counted under its rule (the redelivered estimate and the open one
		// moved nothing more; other tests' sales may add theirs), the requests and the listeners that applied
		// the records, every series naming the service.
		var metrics = PrometheusScrape.of(prometheus);
		assertThat(metrics.values("lazi_crm_rule_applications_total", "rule")).containsExactlyInAnyOrder("contacted",
				"appointment-scheduled", "proposal-sent", "job-sold", "estimate-lost", "install", "install-status");
		assertThat(ruleApplications(metrics, "job-sold")).isGreaterThanOrEqualTo(soldBefore + 1);
		assertThat(metrics.find("http_server_requests_seconds_bucket", "method", "PUT", "uri",
				"/api/crm/opportunities/{id}/stage", "status", "409")).isNotEmpty();
		assertThat(metrics.find("spring_kafka_listener_seconds_bucket", "le", "+Inf")).isNotEmpty();
		assertThat(metrics.without("application", "crm-pipeline-service")).isEmpty();
	}

	@Test
	void keepsTheTimeAnOpportunityEnteredItsStageUntilItMovesAgain() throws Exception {

		publish(UUID.randomUUID(), Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED.name(), 5,
				new StBusinessUnit(5, true, "Pool - Sales", null, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 7,
				new StCustomer(7, true, "Jane Pool", "Residential", null, List.of(), null, now, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 10, new StJob(10, "J-10", 7, null,
				"Scheduled", null, 5, null, 1, null, null, List.of(), null, now.minusSeconds(3600), now));
		var contacted = awaitStage("CONTACTED");

		publish(UUID.randomUUID(), Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED.name(), 30,
				new StEstimate(30, 10L, 7L, "Pool heater", new StEstimate.Status(0, "Open"), new BigDecimal("1000.00"),
						BigDecimal.ZERO, null, true, 5L, "Pool - Sales", now, now));
		var proposal = awaitStage("PROPOSAL_SENT");
		assertThat(proposal.stageEnteredAt()).isAfter(contacted.stageEnteredAt());

		publish(UUID.randomUUID(), Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED.name(), 30,
				new StEstimate(30, 10L, 7L, "Pool heater", new StEstimate.Status(0, "Open"), new BigDecimal("2000.00"),
						BigDecimal.ZERO, null, true, 5L, "Pool - Sales", now, now.plusSeconds(60)));
		var revalued = await().atMost(TIMEOUT).until(() -> opportunities().getFirst(),
				o -> o.title().equals("Pool heater - $2000.00"));
		assertThat(revalued.stage()).isEqualTo("PROPOSAL_SENT");
		assertThat(revalued.stageEnteredAt()).isEqualTo(proposal.stageEnteredAt());
		assertThat(revalued.updatedAt()).isAfter(proposal.updatedAt());
	}

	private Views.OpportunityView awaitStage(String stage) {
		return await().atMost(TIMEOUT)
			.until(this::opportunities, items -> items.size() == 1 && stage.equals(items.getFirst().stage()))
			.getFirst();
	}

	private List<Views.OpportunityView> opportunities() {
		return queries.opportunities(new Tenant(tenant), null, null, null, new PageRequest(0, 10)).items();
	}

	@Test
	void sendsAPoisonRecordAmongGoodOnesToTheDeadLetterTopicAndAppliesTheOthers() throws Exception {

		try (var deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.ST_RAW_CUSTOMERS))) {
			var sends = new ArrayList<CompletableFuture<?>>();
			sends.add(kafka.send(customerRecord(UUID.randomUUID(), tenant, 81, "Before Poison")));
			var poisonId = UUID.randomUUID();
			// ce_tenantid names this tenant, the payload another: it can never be applied.
			var poison = codec.toRecord(poisonId, OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_RAW_CUSTOMERS,
					tenant + ":82", Events.CUSTOMER_FETCHED.name(), "82", tenant,
					codec.serialize(new StRecordFetched<>("1000000009", run, SyncType.FULL, now, customer(82, "Poison"))));
			sends.add(kafka.send(poison));
			sends.add(kafka.send(customerRecord(UUID.randomUUID(), tenant, 83, "After Poison")));
			kafka.flush();
			for (var send : sends) {
				send.get(10, TimeUnit.SECONDS);
			}

			var dead = deadLetters.await(r -> poisonId.toString().equals(header(r, "ce_id")), TIMEOUT);
			assertThat(dead).hasSize(1);
			assertThat(header(dead.getFirst(), "kafka_dlt-original-topic")).isEqualTo(Topics.ST_RAW_CUSTOMERS);
			await().atMost(TIMEOUT).untilAsserted(() -> mvc
				.perform(get("/api/crm/contacts").param("search", "Poison").header("X-Tenant-ID", tenant)
					.with(signedIn(tenant)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totalItems").value(2)));
			assertThat(deadLetters.drain(Duration.ofSeconds(2))).noneMatch(r -> !poisonId.toString().equals(header(r, "ce_id"))
					&& r.key() != null && r.key().startsWith(tenant + ":"));
		}
	}

	@Test
	void skipsJobHistoriesOnTheJobsTopicWithoutDeadLetteringThem() throws Exception {

		try (var deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.ST_RAW_JOBS))) {
			publish(UUID.randomUUID(), Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED.name(), 5,
					new StBusinessUnit(5, true, "Pool - Sales", null, now));
			publish(UUID.randomUUID(), Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 7,
					new StCustomer(7, true, "Jane Pool", "Residential", null, List.of(), null, now, now));
			publish(UUID.randomUUID(), Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 10, new StJob(10, "J-10", 7, null,
					"Scheduled", null, 5, null, 1, null, null, List.of(), null, now.minusSeconds(7200), now));
			// st-ingest publishes each job's history after the job, on the job's key: no rule reads it.
			var history = UUID.randomUUID();
			publish(history, Topics.ST_RAW_JOBS, Events.JOB_HISTORY_FETCHED.name(), 10, new StJobHistory(10,
					List.of(new StJobHistory.Entry(1, "Job Booked", now.minusSeconds(7200), 4L, null))));
			// Keyed like job 10, so it is applied after the history: the batch went on past it.
			var after = new StJob(11, "J-11", 7, null, "Scheduled", null, 5, null, 1, null, null, List.of(), null,
					now.minusSeconds(3600), now);
			kafka.send(codec.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_RAW_JOBS,
					tenant + ":10", Events.JOB_FETCHED.name(), "11", tenant,
					codec.serialize(new StRecordFetched<>(tenant, run, SyncType.FULL, now, after))))
				.get(10, TimeUnit.SECONDS);

			var opportunity = await().atMost(TIMEOUT)
				.until(this::opportunities, items -> items.size() == 1 && Long.valueOf(11).equals(items.getFirst().stJobId()))
				.getFirst();
			assertThat(opportunity.stage()).isEqualTo("CONTACTED");
			assertThat(deadLetters.drain(Duration.ofSeconds(2)))
				.noneMatch(r -> history.toString().equals(header(r, "ce_id")) || r.key() != null && r.key().startsWith(tenant + ":"));
		}
	}

	private ProducerRecord<String, byte[]> customerRecord(UUID eventId, String tenantId,
			long stId, String name) {
		return codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_RAW_CUSTOMERS, tenantId + ":" + stId,
				Events.CUSTOMER_FETCHED.name(), Long.toString(stId), tenantId,
				codec.serialize(new StRecordFetched<>(tenantId, run, SyncType.FULL, now, customer(stId, name))));
	}

	private StCustomer customer(long stId, String name) {
		return new StCustomer(stId, true, name, "Residential", new StAddress("1 Main St", null, "Tampa", "FL", "33601",
				"USA"), List.of(), null, now, now);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static double ruleApplications(PrometheusScrape metrics, String rule) {
		return metrics.find("lazi_crm_rule_applications_total", "rule", rule).getFirst().value();
	}

	@Test
	void storesLocationsNewestFirstAndShowsThemOnTheContact() throws Exception {

		publish(UUID.randomUUID(), Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 8,
				new StCustomer(8, true, "Lee Spa", "Residential",
						new StAddress("2 Bay Rd", null, "Tampa", "FL", "33602", "USA"),
						List.of(new StContact(3, "Email", "lee@example.com", null)), null, now, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_LOCATIONS, Events.LOCATION_FETCHED.name(), 81,
				new StLocation(81, 8, true, "Home", new StAddress("2 Bay Rd", null, "Tampa", "FL", "33602", "USA"), now,
						now.plusSeconds(60)));
		// an older copy arriving late changes nothing
		publish(UUID.randomUUID(), Topics.ST_RAW_LOCATIONS, Events.LOCATION_FETCHED.name(), 81,
				new StLocation(81, 8, true, "Old name", new StAddress("9 Old St", null, "Miami", "FL", "33101", "USA"),
						now, now));
		// keyed like 81, so it lands on the same partition and is applied after the late copy
		publish(UUID.randomUUID(), Topics.ST_RAW_LOCATIONS, Events.LOCATION_FETCHED.name(), 81,
				new StLocation(82, 8, false, "Lake house", new StAddress("5 Lake Dr", "B", "Orlando", "FL", "32801", "USA"),
						now, now));

		// The customer's primary contact (io.lazi.crm.account) shows its locations.
		await().atMost(TIMEOUT).untilAsserted(() -> mvc
			.perform(get("/api/crm/contacts").header("X-Tenant-ID", tenant).with(signedIn(tenant)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].locations.length()").value(2)));

		assertThat(queries.opportunities(new Tenant(tenant), null, null, null, new PageRequest(0, 10)).items()).isEmpty();
		mvc.perform(get("/api/crm/contacts").header("X-Tenant-ID", tenant).with(signedIn(tenant)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].stCustomerId").value(8))
			.andExpect(jsonPath("$.items[0].street").value("2 Bay Rd"))
			.andExpect(jsonPath("$.items[0].active").value(true))
			.andExpect(jsonPath("$.items[0].locations[0].stId").value(81))
			.andExpect(jsonPath("$.items[0].locations[0].name").value("Home"))
			.andExpect(jsonPath("$.items[0].locations[0].street").value("2 Bay Rd"))
			.andExpect(jsonPath("$.items[0].locations[0].active").value(true))
			.andExpect(jsonPath("$.items[0].locations[1].stId").value(82))
			.andExpect(jsonPath("$.items[0].locations[1].name").value("Lake house"))
			.andExpect(jsonPath("$.items[0].locations[1].city").value("Orlando"))
			.andExpect(jsonPath("$.items[0].locations[1].zip").value("32801"))
			.andExpect(jsonPath("$.items[0].locations[1].active").value(false));
	}

	@Test
	void recordsTheTokensSubjectAsWhoMovedAnOpportunity() throws Exception {

		publish(UUID.randomUUID(), Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED.name(), 5,
				new StBusinessUnit(5, true, "Pool - Sales", null, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 9,
				new StCustomer(9, true, "Sam Deck", "Residential", new StAddress("3 Oak St", null, "Tampa", "FL", "33603", "USA"),
						List.of(), null, now, now));
		publish(UUID.randomUUID(), Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 90, new StJob(90, "J-90", 9, null,
				"Scheduled", null, 5, null, 1, null, null, List.of(91L), null, now.minusSeconds(3600), now));
		publish(UUID.randomUUID(), Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED.name(), 91,
				new StEstimate(91, 90L, 9L, "Deck", new StEstimate.Status(0, "Open"), new BigDecimal("500.00"),
						BigDecimal.ZERO, null, true, 5L, "Pool - Sales", now, now));
		var opportunity = await().atMost(TIMEOUT).until(() -> queries.opportunities(new Tenant(tenant), null, null, null,
				new PageRequest(0, 10)).items(), items -> items.size() == 1 && "PROPOSAL_SENT".equals(items.getFirst().stage()))
			.getFirst();
		var manager = TestTokens.user("manager-7", List.of(tenant), List.of("MANAGER")).sign();

		mvc.perform(put("/api/crm/opportunities/{id}/stage", opportunity.id()).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager)
			.header("X-User-Id", "someone-else")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"stage\":\"ESTIMATE_FOLLOW_UP\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.opportunity.stage").value("ESTIMATE_FOLLOW_UP"))
			.andExpect(jsonPath("$.history[-1].triggerType").value("user"))
			.andExpect(jsonPath("$.history[-1].triggerId").value("manager-7"));
	}

	/** An OWNER's bearer token of the stand-in identity provider for {@code tenant}. */
	private static RequestPostProcessor signedIn(String tenant) {
		return request -> {
			request.addHeader("Authorization", "Bearer " + TestTokens.user(tenant, "OWNER"));
			return request;
		};
	}

	private void publish(UUID eventId, String topic, String type, long stId, Object record) throws Exception {

		var payload = new StRecordFetched<>(tenant, run, SyncType.FULL, now, record);
		kafka.send(codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), topic, tenant + ":" + stId,
				type, Long.toString(stId), tenant, codec.serialize(payload)))
			.get(10, TimeUnit.SECONDS);
	}

	private static com.networknt.schema.JsonSchema schema() {

		var dir = Path.of("..", "docs", "events").toAbsolutePath().normalize();
		var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.schemaMappers(m -> m.mapPrefix("https://lazi.io/schemas/", dir.toUri().toString())));
		return factory.getSchema(SchemaLocation.of("https://lazi.io/schemas/opportunity-stage-moved.schema.json"),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
	}
}
