package io.lazi.crm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.platform.events.EstimateWrittenBack;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.JobChanged;
import io.lazi.platform.events.OpportunityOutcomeMarked;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.TestTokens;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;
import tools.jackson.databind.json.JsonMapper;

/**
 * Marking opportunities won or lost ({@code PUT /api/crm/opportunities/{id}/outcome}, {@code crm.opportunities}) and
 * field-service's reports on {@code field.changed}: the write-back's status and the job's technicians.
 */
@CrmIntegrationTest
class OutcomeWriteBackIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final CloudEventCodec stIngest;

	private final CloudEventCodec field;

	private final PipelineQueries queries;

	private final DSLContext dsl;

	private final MockMvc mvc;

	@Autowired
	OutcomeWriteBackIntegrationTests(KafkaTemplate<String, byte[]> kafka, JsonMapper json, PipelineQueries queries,
			DSLContext dsl, MockMvc mvc) {
		this.kafka = kafka;
		this.json = json;
		this.stIngest = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.field = new CloudEventCodec(json, URI.create("/lazi/field-service"));
		this.queries = queries;
		this.dsl = dsl;
		this.mvc = mvc;
	}

	@Test
	void marksWonWithoutMovingTheStageAndShowsTheWriteBackUntilTheRulesReadTheSaleBack() throws Exception {

		var opportunity = proposal(9, 90, 91);
		var manager = TestTokens.user("manager-7", List.of(tenant), List.of("MANAGER")).sign();

		try (var marks = new KafkaTestConsumer(Topics.CRM_OPPORTUNITIES)) {
			mark(opportunity, "{\"outcome\":\"won\"}", manager)
				.andExpect(status().isAccepted())
				.andExpect(jsonPath("$.opportunity.stage").value("PROPOSAL_SENT"))
				.andExpect(jsonPath("$.opportunity.status").value("open"))
				.andExpect(jsonPath("$.opportunity.writeBack.outcome").value("won"))
				.andExpect(jsonPath("$.opportunity.writeBack.status").value("requested"))
				.andExpect(jsonPath("$.opportunity.writeBack.requestedBy").value("manager-7"))
				.andExpect(jsonPath("$.opportunity.writeBack.commandId").value(nullValue()))
				.andExpect(jsonPath("$.opportunity.technicianIds").isEmpty());

			var records = marks.await(r -> (tenant + ":" + opportunity).equals(r.key()), TIMEOUT);
			assertThat(records).hasSize(1);
			var record = records.getFirst();
			assertThat(header(record, "ce_type")).isEqualTo(Events.CRM_OPPORTUNITY_OUTCOME_MARKED.name());
			assertThat(header(record, "ce_source")).isEqualTo("/lazi/crm-pipeline-service");
			assertThat(header(record, "ce_tenantid")).isEqualTo(tenant);
			assertThat(schema().validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value())))
				.isEmpty();
			var marked = json.readValue(record.value(), OpportunityOutcomeMarked.class);
			var requested = queries.opportunity(new Tenant(tenant), opportunity).opportunity().writeBack();
			assertThat(marked).isEqualTo(new OpportunityOutcomeMarked(tenant, opportunity, "won", 91, 90L, 9L,
					"manager-7", requested.requestedAt()));
		}

		// The same outcome again while it is on its way: refused.
		mark(opportunity, "{\"outcome\":\"won\"}", owner())
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("outcome"))
			.andExpect(jsonPath("$.detail").value(containsString("still being written back")));

		// field-service reports: sent, then succeeded; a failure stamped before the success arrives late.
		var requestedAt = writeBack(opportunity).requestedAt();
		var command = UUID.randomUUID();
		publishField(Events.FIELD_ESTIMATE_WRITTEN_BACK, UUID.randomUUID(), opportunity.toString(),
				new EstimateWrittenBack(tenant, opportunity, 91, "won", "servicetitan", "sent", command, null,
						requestedAt.plusSeconds(1)));
		await().atMost(TIMEOUT).until(() -> writeBack(opportunity), w -> "sent".equals(w.status()));
		assertThat(writeBack(opportunity).commandId()).isEqualTo(command);
		publishField(Events.FIELD_ESTIMATE_WRITTEN_BACK, UUID.randomUUID(), opportunity.toString(),
				new EstimateWrittenBack(tenant, opportunity, 91, "won", "servicetitan", "succeeded", null, null,
						requestedAt.plusSeconds(3)));
		var late = UUID.randomUUID();
		publishField(Events.FIELD_ESTIMATE_WRITTEN_BACK, late, opportunity.toString(),
				new EstimateWrittenBack(tenant, opportunity, 91, "won", "servicetitan", "failed", command, "too late",
						requestedAt.plusSeconds(2)));
		awaitConsumed(late);
		assertThat(writeBack(opportunity)).extracting(Views.WriteBack::outcome, Views.WriteBack::status,
				Views.WriteBack::error, Views.WriteBack::commandId, Views.WriteBack::updatedAt)
			.containsExactly("won", "succeeded", null, command, requestedAt.plusSeconds(3));
		assertThat(queries.opportunity(new Tenant(tenant), opportunity).opportunity().stage()).isEqualTo("PROPOSAL_SENT");

		// The stage moves when the rules read ServiceTitan's estimate back Sold.
		publishRaw(Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED, 91, estimate(91, 90, 9, 1, "Sold",
				now.plusSeconds(60)));
		await().atMost(TIMEOUT).until(() -> queries.opportunity(new Tenant(tenant), opportunity).opportunity().stage(),
				"JOB_SOLD"::equals);
		mvc.perform(get("/api/crm/opportunities/{id}", opportunity).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.opportunity.status").value("won"))
			.andExpect(jsonPath("$.opportunity.writeBack.status").value("succeeded"))
			.andExpect(jsonPath("$.history[-1].reason").value("estimate-sold"))
			.andExpect(jsonPath("$.history[-1].triggerType").value("estimate"))
			.andExpect(jsonPath("$.history[-1].triggerId").value("91"));

		mark(opportunity, "{\"outcome\":\"lost\"}", owner())
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("outcome"))
			.andExpect(jsonPath("$.detail").value(containsString("already won")));
	}

	@Test
	void answersBadRequestNotFoundAndConflictWhereAMarkCannotBeMade() throws Exception {

		var opportunity = proposal(9, 90, 91);
		for (var body : List.of("{\"outcome\":\"maybe\"}", "{\"outcome\":\"WON\"}", "{\"outcome\":\"\"}", "{}")) {
			mark(opportunity, body, owner())
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("outcome"));
		}
		mvc.perform(put("/api/crm/opportunities/{id}/outcome", opportunity).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + owner()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("outcome"));
		var viewer = TestTokens.user("viewer-1", List.of(tenant), List.of("VIEWER")).sign();
		mark(opportunity, "{\"outcome\":\"won\"}", viewer).andExpect(status().isForbidden());

		// Another tenant's opportunity, and one that does not exist.
		mvc.perform(put("/api/crm/opportunities/{id}/outcome", opportunity).header("X-Tenant-ID", "1")
			.header("Authorization", "Bearer " + TestTokens.user("1", "OWNER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"won\"}"))
			.andExpect(status().isNotFound());
		mark(UUID.randomUUID(), "{\"outcome\":\"won\"}", owner()).andExpect(status().isNotFound());
		assertThat(writeBack(opportunity)).isNull();

		// No ServiceTitan estimate to sell.
		publishRaw(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED, 8, customer(8, "Lee Spa"));
		publishRaw(Topics.ST_RAW_JOBS, Events.JOB_FETCHED, 80, job(80, 8));
		var contacted = await().atMost(TIMEOUT)
			.until(() -> queries.opportunities(new Tenant(tenant), null, Stage.CONTACTED, null, new PageRequest(0, 10))
				.items(), items -> items.size() == 1)
			.getFirst();
		mark(contacted.id(), "{\"outcome\":\"won\"}", owner())
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/conflict"))
			.andExpect(jsonPath("$.detail").value(containsString("no ServiceTitan estimate")));

		// The same outcome while it is still requested: refused; the other outcome replaces it.
		mark(opportunity, "{\"outcome\":\"lost\"}", owner()).andExpect(status().isAccepted());
		mark(opportunity, "{\"outcome\":\"lost\"}", owner()).andExpect(status().isConflict());
		mark(opportunity, "{\"outcome\":\"won\"}", owner())
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.opportunity.writeBack.outcome").value("won"))
			.andExpect(jsonPath("$.opportunity.writeBack.status").value("requested"));

		// A report about the replaced mark changes nothing; a failure of the current one allows marking it again.
		var stale = UUID.randomUUID();
		publishField(Events.FIELD_ESTIMATE_WRITTEN_BACK, stale, opportunity.toString(),
				new EstimateWrittenBack(tenant, opportunity, 91, "lost", "servicetitan", "succeeded", null, null,
						Instant.now().plusSeconds(5)));
		awaitConsumed(stale);
		assertThat(writeBack(opportunity).status()).isEqualTo("requested");
		publishField(Events.FIELD_ESTIMATE_WRITTEN_BACK, UUID.randomUUID(), opportunity.toString(),
				new EstimateWrittenBack(tenant, opportunity, 91, "won", "servicetitan", "failed", UUID.randomUUID(),
						"Estimate 91 is not open", Instant.now().plusSeconds(5)));
		await().atMost(TIMEOUT).until(() -> writeBack(opportunity), w -> "failed".equals(w.status()));
		assertThat(writeBack(opportunity).error()).isEqualTo("Estimate 91 is not open");
		mark(opportunity, "{\"outcome\":\"won\"}", owner())
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.opportunity.writeBack.status").value("requested"))
			.andExpect(jsonPath("$.opportunity.writeBack.error").value(nullValue()));
	}

	@Test
	void showsTheTechniciansAssignedToTheJobNewestFirstAndSkipsOtherFieldChanges() throws Exception {

		var job = Long.toString(90);
		// Before the opportunity exists: kept for the job, shown once the opportunity names it.
		var assigned = UUID.randomUUID();
		publishField(Events.FIELD_JOB_ASSIGNED, assigned, job, jobChanged(List.of(12L, 11L), now.plusSeconds(2)));
		// Another type of field.changed, newer: skipped.
		publishField(Events.FIELD_JOB_UPDATED, UUID.randomUUID(), job, jobChanged(List.of(99L), now.plusSeconds(5)));
		// The first one again, re-delivered with other content: applied once only.
		publishField(Events.FIELD_JOB_ASSIGNED, assigned, job, jobChanged(List.of(77L), now.plusSeconds(10)));
		// An older assignment arriving late.
		var older = UUID.randomUUID();
		publishField(Events.FIELD_JOB_ASSIGNED, older, job, jobChanged(List.of(13L), now.plusSeconds(1)));
		awaitConsumed(older);

		var opportunity = proposal(9, 90, 91);
		assertThat(queries.opportunity(new Tenant(tenant), opportunity).opportunity().technicianIds())
			.containsExactly(11L, 12L);

		publishField(Events.FIELD_JOB_ASSIGNED, UUID.randomUUID(), job, jobChanged(List.of(14L), now.plusSeconds(20)));
		await().atMost(TIMEOUT)
			.until(() -> queries.opportunity(new Tenant(tenant), opportunity).opportunity().technicianIds(),
					List.of(14L)::equals);
		mvc.perform(get("/api/crm/opportunities").header("X-Tenant-ID", tenant).header("Authorization", "Bearer " + owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].technicianIds[0]").value(14))
			.andExpect(jsonPath("$.items[0].writeBack").value(nullValue()));
	}

	/** An opportunity in Proposal Sent: customer, Sales job and open estimate with a value. */
	private UUID proposal(long customer, long job, long estimate) throws Exception {

		publishRaw(Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED, 5,
				new StBusinessUnit(5, true, "Pool - Sales", null, now));
		publishRaw(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED, customer, customer(customer, "Sam Deck"));
		publishRaw(Topics.ST_RAW_JOBS, Events.JOB_FETCHED, job, job(job, customer));
		publishRaw(Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED, estimate,
				estimate(estimate, job, customer, 0, "Open", now));
		return await().atMost(TIMEOUT)
			.until(() -> queries.opportunities(new Tenant(tenant), null, Stage.PROPOSAL_SENT, null, new PageRequest(0, 10))
				.items(), items -> items.size() == 1)
			.getFirst()
			.id();
	}

	private StCustomer customer(long id, String name) {
		return new StCustomer(id, true, name, "Residential", null, List.of(), null, now, now);
	}

	private StJob job(long id, long customer) {
		return new StJob(id, "J-" + id, customer, null, "Scheduled", null, 5, null, 1, null, null, List.of(), null,
				now.minusSeconds(3600), now);
	}

	private StEstimate estimate(long id, long job, long customer, int status, String statusName, Instant modifiedOn) {
		return new StEstimate(id, job, customer, "Deck", new StEstimate.Status(status, statusName),
				new BigDecimal("500.00"), BigDecimal.ZERO, null, true, 5L, "Pool - Sales", now, modifiedOn);
	}

	private JobChanged jobChanged(List<Long> technicians, Instant changedAt) {
		return new JobChanged(tenant, 90, "servicetitan", 9, null, "Scheduled", null, technicians, 5L, null, now,
				changedAt);
	}

	private Views.WriteBack writeBack(UUID opportunity) {
		return queries.opportunity(new Tenant(tenant), opportunity).opportunity().writeBack();
	}

	private ResultActions mark(UUID opportunity, String body, String token) throws Exception {
		return mvc.perform(put("/api/crm/opportunities/{id}/outcome", opportunity).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String owner() {
		return TestTokens.user(tenant, "OWNER");
	}

	/** Waits until the service applied (or skipped as applied before) the event {@code id}. */
	private void awaitConsumed(UUID id) {
		await().atMost(TIMEOUT)
			.until(() -> dsl.fetchExists(DSL.table("consumed_message"), DSL.field("event_id").eq(id.toString())));
	}

	private void publishRaw(String topic, EventType<?> type, long stId, Object record) throws Exception {

		var payload = new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.FULL, now, record);
		kafka.send(stIngest.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), topic, tenant + ":" + stId,
				type.name(), Long.toString(stId), tenant, stIngest.serialize(payload)))
			.get(10, TimeUnit.SECONDS);
	}

	/** A {@code field.changed} record as field-service publishes it, keyed {@code {tenantId}:{entity}}. */
	private void publishField(EventType<?> type, UUID eventId, String entity, TenantPayload payload) throws Exception {
		kafka.send(field.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), Topics.FIELD_CHANGED,
				tenant + ":" + entity, type.name(), entity, tenant, field.serialize(payload)))
			.get(10, TimeUnit.SECONDS);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static com.networknt.schema.JsonSchema schema() {

		var dir = Path.of("..", "docs", "events").toAbsolutePath().normalize();
		var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.schemaMappers(m -> m.mapPrefix("https://lazi.io/schemas/", dir.toUri().toString())));
		return factory.getSchema(SchemaLocation.of("https://lazi.io/schemas/opportunity-outcome-marked.schema.json"),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
	}
}
