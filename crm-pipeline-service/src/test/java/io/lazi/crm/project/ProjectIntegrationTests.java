package io.lazi.crm.project;

import static io.lazi.crm.jooq.Tables.ACTIVITY;
import static io.lazi.crm.jooq.Tables.BUSINESS_UNIT;
import static io.lazi.crm.jooq.Tables.CUSTOMER;
import static io.lazi.crm.jooq.Tables.MILESTONE;
import static io.lazi.crm.jooq.Tables.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.pipeline.PipelineQueries;
import io.lazi.crm.pipeline.Stage;
import io.lazi.crm.pipeline.StagesEntered;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.TestTokens;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;
import tools.jackson.databind.json.JsonMapper;

/**
 * Install projects: opened once per Install opportunity by the pipeline, with the milestones of the business unit's
 * template, the tenant's default or the built-in one; milestones, health, templates and their routes.
 */
@CrmIntegrationTest
class ProjectIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final UUID run = UUID.randomUUID();

	private final Instant now = Instant.now();

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	private final String manager = TestTokens.user("manager-4", List.of(tenant), List.of("MANAGER")).sign();

	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec codec;

	private final PipelineQueries queries;

	private final DSLContext dsl;

	private final MockMvc mvc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	@Autowired
	ProjectIntegrationTests(KafkaTemplate<String, byte[]> kafka, JsonMapper json, PipelineQueries queries,
			DSLContext dsl, MockMvc mvc, ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.kafka = kafka;
		this.codec = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.queries = queries;
		this.dsl = dsl;
		this.mvc = mvc;
		this.events = events;
		this.transaction = transaction;
	}

	@Test
	void opensOneProjectPerInstallOpportunityWithTheTemplateOfItsBusinessUnitHoweverOftenItsStageIsDerived()
			throws Exception {

		// A template for a business unit the tenant does not have (yet) is refused.
		template("5", "{\"milestones\":[{\"key\":\"survey\",\"name\":\"Site survey\",\"offsetDays\":2}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("businessUnitId"));
		businessUnits(5, 6);
		template("5", """
				{"milestones":[{"key":"survey","name":"Site survey","offsetDays":2},
				               {"key":"install","name":"Install day","offsetDays":10}]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.businessUnitId").value(5))
			.andExpect(jsonPath("$.businessUnitName").value("Pool - Install"))
			.andExpect(jsonPath("$.milestones[1].key").value("install"));

		// An Install job of business unit 5: the opportunity enters Estimate Approved / Job Created.
		var opportunity = installOpportunity(7, "Jane Pool", 10, 5);
		var project = awaitProject(opportunity);
		var first = read(project).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Jane Pool install"))
			.andExpect(jsonPath("$.opportunityId").value(opportunity.toString()))
			.andExpect(jsonPath("$.stCustomerId").value(7))
			.andExpect(jsonPath("$.businessUnitId").value(5))
			.andExpect(jsonPath("$.status").value("active"))
			.andExpect(jsonPath("$.startDate").value(today.toString()))
			.andExpect(jsonPath("$.health").value("healthy"))
			.andExpect(jsonPath("$.createdBy").value("pipeline"))
			.andExpect(jsonPath("$.milestones", hasSize(2)))
			.andExpect(jsonPath("$.milestones[0].key").value("survey"))
			.andExpect(jsonPath("$.milestones[0].name").value("Site survey"))
			.andExpect(jsonPath("$.milestones[0].status").value("pending"))
			.andExpect(jsonPath("$.milestones[0].dueDate").value(today.plusDays(2).toString()))
			.andExpect(jsonPath("$.milestones[0].overdue").value(false))
			.andExpect(jsonPath("$.milestones[1].dueDate").value(today.plusDays(10).toString()));

		// The same job again, then a later Install status, then the stage announced twice more: still one project.
		publish(Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 10, job(10, 7, 5, "Pending", now));
		publish(Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 10, job(10, 7, 5, "Scheduled", now.plusSeconds(60)));
		await().atMost(TIMEOUT).until(() -> stage(opportunity), "READY_FOR_INSTALL"::equals);
		for (var i = 0; i < 2; i++) {
			transaction.executeWithoutResult(tx -> events.publishEvent(new StagesEntered(tenant,
					List.of(new StagesEntered.Entered(opportunity, 7L, Stage.JOB_CREATED, Stage.READY_FOR_INSTALL, 10L,
							OffsetDateTime.now(ZoneOffset.UTC))))));
		}
		assertThat(dsl.fetchCount(PROJECT, PROJECT.TENANT_ID.eq(tenant))).isEqualTo(1);
		assertThat(dsl.fetchCount(MILESTONE, MILESTONE.TENANT_ID.eq(tenant))).isEqualTo(2);
		assertThat(JsonPath.<String>read(first.andReturn().getResponse().getContentAsString(), "$.milestones[0].id"))
			.isEqualTo(JsonPath.<String>read(read(project).andReturn().getResponse().getContentAsString(),
					"$.milestones[0].id"));

		// Business unit 6 has no template: the built-in one, until the tenant sets its default.
		var builtIn = awaitProject(installOpportunity(8, "Sam Spa", 20, 6));
		read(builtIn).andExpect(jsonPath("$.milestones[*].key").value(contains("permit",
				"materials", "install_scheduled", "inspection", "completed")))
			.andExpect(jsonPath("$.milestones[4].dueDate").value(today.plusDays(42).toString()));
		template("default", "{\"milestones\":[{\"key\":\"kickoff\",\"name\":\"Kick-off\",\"offsetDays\":0}]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.businessUnitId").value(nullValue()));
		var byDefault = awaitProject(installOpportunity(9, "Dee Fault", 30, 6));
		read(byDefault).andExpect(jsonPath("$.milestones", hasSize(1)))
			.andExpect(jsonPath("$.milestones[0].key").value("kickoff"))
			.andExpect(jsonPath("$.milestones[0].dueDate").value(today.toString()));

		mvc.perform(get("/api/crm/milestone-templates").header("X-Tenant-ID", tenant).header("Authorization",
				"Bearer " + manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.templates", hasSize(2)))
			.andExpect(jsonPath("$.templates[0].businessUnitId").value(nullValue()))
			.andExpect(jsonPath("$.templates[0].milestones[0].name").value("Kick-off"))
			.andExpect(jsonPath("$.templates[1].businessUnitId").value(5))
			.andExpect(jsonPath("$.templates[1].milestones[0].offsetDays").value(2))
			.andExpect(jsonPath("$.builtIn", hasSize(5)));

		// Replacing a template keeps its order and drops what the list leaves out; an empty list removes it.
		template("5", """
				{"milestones":[{"key":"install","name":"Install","offsetDays":3},
				               {"key":"permit","name":"Permit","offsetDays":1}]}""")
			.andExpect(status().isOk());
		mvc.perform(get("/api/crm/milestone-templates").header("X-Tenant-ID", tenant).header("Authorization",
				"Bearer " + manager))
			.andExpect(jsonPath("$.templates[1].milestones[*].key").value(contains("install",
					"permit")));
		template("default", "{\"milestones\":[]}").andExpect(status().isOk());
		mvc.perform(get("/api/crm/milestone-templates").header("X-Tenant-ID", tenant).header("Authorization",
				"Bearer " + manager))
			.andExpect(jsonPath("$.templates", hasSize(1)));
	}

	@Test
	void refusesMalformedTemplatesAndTemplateWritesOfViewers() throws Exception {

		for (var body : List.of("{\"milestones\":[{\"key\":\"Bad Key\",\"name\":\"x\",\"offsetDays\":1}]}",
				"{\"milestones\":[{\"name\":\"x\",\"offsetDays\":1}]}")) {
			template("default", body).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("milestones[0].key"));
		}
		template("default", "{\"milestones\":[{\"key\":\"a\",\"name\":\"A\",\"offsetDays\":1},"
				+ "{\"key\":\"a\",\"name\":\"B\",\"offsetDays\":2}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("milestones[1].key"));
		template("default", "{\"milestones\":[{\"key\":\"a\",\"name\":\" \",\"offsetDays\":1}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("milestones[0].name"));
		for (var offset : List.of("-1", "3651", "null")) {
			template("default", "{\"milestones\":[{\"key\":\"a\",\"name\":\"A\",\"offsetDays\":" + offset + "}]}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("milestones[0].offsetDays"));
		}
		template("default", "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("milestones"));
		template("nine", "{\"milestones\":[]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("businessUnitId"));
		var viewer = TestTokens.user("viewer-4", List.of(tenant), List.of("VIEWER")).sign();
		mvc.perform(put("/api/crm/milestone-templates/default").header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + viewer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"milestones\":[]}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/crm/milestone-templates").header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.templates", hasSize(0)))
			.andExpect(jsonPath("$.builtIn[0].key").value("permit"));
	}

	@Test
	void movesMilestonesAlongAndShowsHealthFromOverdueMilestonesAndStaleActivity() throws Exception {

		businessUnits(5);
		var project = awaitProject(installOpportunity(7, "Jane Pool", 10, 5));
		var body = read(project).andExpect(jsonPath("$.health").value("healthy")).andReturn().getResponse()
			.getContentAsString();
		var permit = UUID.fromString(JsonPath.read(body, "$.milestones[0].id"));
		var materials = UUID.fromString(JsonPath.read(body, "$.milestones[1].id"));
		var scheduled = UUID.fromString(JsonPath.read(body, "$.milestones[2].id"));

		// One milestone a few days overdue: at risk; stale If-Match: 412.
		milestone(project, permit, "\"1\"", "{\"status\":\"in_progress\",\"dueDate\":\"" + today.minusDays(3) + "\"}")
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.health").value("at_risk"))
			.andExpect(jsonPath("$.milestones[0].status").value("in_progress"))
			.andExpect(jsonPath("$.milestones[0].overdue").value(true))
			.andExpect(jsonPath("$.milestones[0].completedAt").value(nullValue()));
		milestone(project, permit, "\"1\"", "{\"status\":\"done\"}").andExpect(status().isPreconditionFailed());
		// More than 7 days overdue: critical.
		milestone(project, permit, "\"2\"", "{\"status\":\"pending\",\"dueDate\":\"" + today.minusDays(8) + "\"}")
			.andExpect(jsonPath("$.health").value("critical"));
		assertThat(list("health", "critical")).containsExactly(project.toString());
		assertThat(list("health", "healthy")).isEmpty();
		// Done: no longer overdue; completedAt recorded; a cleared due date.
		milestone(project, permit, null, "{\"status\":\"done\"}")
			.andExpect(jsonPath("$.health").value("healthy"))
			.andExpect(jsonPath("$.milestones[0].status").value("done"))
			.andExpect(jsonPath("$.milestones[0].dueDate").value(nullValue()))
			.andExpect(jsonPath("$.milestones[0].completedAt").isNotEmpty());
		// Two overdue, each by a day: critical.
		milestone(project, materials, null, "{\"status\":\"pending\",\"dueDate\":\"" + today.minusDays(1) + "\"}")
			.andExpect(jsonPath("$.health").value("at_risk"));
		milestone(project, scheduled, null, "{\"status\":\"in_progress\",\"dueDate\":\"" + today.minusDays(1) + "\"}")
			.andExpect(jsonPath("$.health").value("critical"));
		milestone(project, materials, null, "{\"status\":\"skipped\"}");
		milestone(project, scheduled, null, "{\"status\":\"done\",\"dueDate\":\"" + today.minusDays(1) + "\"}")
			.andExpect(jsonPath("$.health").value("healthy"));

		// Nothing happened for 15 days: at risk, until an activity about the project is logged.
		var longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(15);
		dsl.update(PROJECT).set(PROJECT.CREATED_AT, longAgo).where(PROJECT.TENANT_ID.eq(tenant)).execute();
		dsl.update(MILESTONE).set(MILESTONE.UPDATED_AT, longAgo).where(MILESTONE.TENANT_ID.eq(tenant)).execute();
		read(project).andExpect(jsonPath("$.health").value("at_risk"));
		assertThat(list("health", "at_risk")).containsExactly(project.toString());
		dsl.insertInto(ACTIVITY)
			.set(ACTIVITY.TENANT_ID, tenant)
			.set(ACTIVITY.ID, UUID.randomUUID())
			.set(ACTIVITY.TYPE, "call")
			.set(ACTIVITY.OCCURRED_AT, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
			.set(ACTIVITY.RELATED_TYPE, "project")
			.set(ACTIVITY.RELATED_ID, project)
			.set(ACTIVITY.AUTHOR_ID, "manager-4")
			.set(ACTIVITY.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
			.set(ACTIVITY.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
			.execute();
		read(project).andExpect(jsonPath("$.health").value("healthy"));

		// Renamed and put on hold, guarded by If-Match; bad input names the field.
		var version = dsl.select(PROJECT.VERSION).from(PROJECT).where(PROJECT.ID.eq(project)).fetchSingle().value1();
		update(project, "\"" + version + "\"", "{\"name\":\"Pool install, phase 2\",\"status\":\"on_hold\"}")
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + (version + 1) + "\""))
			.andExpect(jsonPath("$.name").value("Pool install, phase 2"))
			.andExpect(jsonPath("$.status").value("on_hold"));
		update(project, "\"" + version + "\"", "{\"name\":\"Too late\",\"status\":\"active\"}")
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/precondition-failed"));
		update(project, null, "{\"name\":\" \",\"status\":\"active\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));
		update(project, null, "{\"name\":\"" + "x".repeat(201) + "\",\"status\":\"active\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));
		update(project, null, "{\"name\":\"Pool\",\"status\":\"paused\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		milestone(project, permit, null, "{\"status\":\"finished\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		milestone(project, permit, null, "{\"status\":\"done\",\"dueDate\":\"soon\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("dueDate"));
		milestone(project, UUID.randomUUID(), null, "{\"status\":\"done\"}").andExpect(status().isNotFound());
		read(project).andExpect(header().string("ETag", "\"" + (version + 1) + "\""));

		// List filters and sort.
		assertThat(list("status", "on_hold")).containsExactly(project.toString());
		assertThat(list("status", "active")).isEmpty();
		assertThat(list("accountId", UUID.randomUUID().toString())).isEmpty();
		assertThat(list("sort", "name,desc")).containsExactly(project.toString());
		for (var bad : List.of(new String[] { "health", "fine" }, new String[] { "status", "done" },
				new String[] { "sort", "budget" }, new String[] { "sort", "name,up" },
				new String[] { "accountId", "42" })) {
			mvc.perform(get("/api/crm/projects").param(bad[0], bad[1]).header("X-Tenant-ID", tenant)
				.header("Authorization", "Bearer " + manager))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad[0]));
		}

		// Another tenant's project is not there; a viewer reads but does not write.
		var other = TestTokens.user("1", "OWNER");
		mvc.perform(get("/api/crm/projects/{id}", project).header("X-Tenant-ID", "1").header("Authorization",
				"Bearer " + other)).andExpect(status().isNotFound());
		mvc.perform(put("/api/crm/projects/{id}", project).header("X-Tenant-ID", "1")
			.header("Authorization", "Bearer " + other)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mine\",\"status\":\"active\"}")).andExpect(status().isNotFound());
		mvc.perform(put("/api/crm/projects/{id}/milestones/{m}", project, permit).header("X-Tenant-ID", "1")
			.header("Authorization", "Bearer " + other)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"pending\"}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/crm/projects").header("X-Tenant-ID", "1").header("Authorization", "Bearer " + other))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + project + "')]").isEmpty());
		var viewer = TestTokens.user("viewer-4", List.of(tenant), List.of("VIEWER")).sign();
		mvc.perform(get("/api/crm/projects/{id}", project).header("X-Tenant-ID", tenant).header("Authorization",
				"Bearer " + viewer)).andExpect(status().isOk());
		mvc.perform(put("/api/crm/projects/{id}", project).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + viewer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mine\",\"status\":\"active\"}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/crm/projects/{id}/milestones/{m}", project, permit).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + viewer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"pending\"}")).andExpect(status().isForbidden());
	}

	/** Publishes the customer, then an Install job of {@code unit}, and waits for the opportunity. */
	private UUID installOpportunity(long customerId, String name, long jobId, long unit) throws Exception {

		publish(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), customerId,
				new StCustomer(customerId, true, name, "Residential", null, List.of(), null, now, now));
		await().atMost(TIMEOUT).until(() -> dsl.fetchExists(CUSTOMER,
				CUSTOMER.TENANT_ID.eq(tenant).and(CUSTOMER.ST_CUSTOMER_ID.eq(customerId))));
		publish(Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), jobId, job(jobId, customerId, unit, "Pending", now));
		return await().atMost(TIMEOUT)
			.until(() -> queries.opportunities(new Tenant(tenant), null, null, null, new PageRequest(0, 50))
				.items()
				.stream()
				.filter(o -> o.stCustomerId() == customerId && "JOB_CREATED".equals(o.stage()))
				.findFirst(), Optional::isPresent)
			.orElseThrow()
			.id();
	}

	private UUID awaitProject(UUID opportunity) {
		return await().atMost(TIMEOUT)
			.until(() -> dsl.select(PROJECT.ID)
				.from(PROJECT)
				.where(PROJECT.TENANT_ID.eq(tenant).and(PROJECT.OPPORTUNITY_ID.eq(opportunity)))
				.fetchOptional(PROJECT.ID), Optional::isPresent)
			.orElseThrow();
	}

	private String stage(UUID opportunity) {
		return queries.opportunity(new Tenant(tenant), opportunity).opportunity().stage();
	}

	/** Install business units stored as facts, named "… - Install". */
	private void businessUnits(long... ids) throws Exception {

		for (var id : ids) {
			publish(Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED.name(), id,
					new StBusinessUnit(id, true, (id == 5 ? "Pool" : "Spa") + " - Install", null, now));
		}
		await().atMost(TIMEOUT).until(() -> dsl.fetchCount(BUSINESS_UNIT, BUSINESS_UNIT.TENANT_ID.eq(tenant)),
				count -> count == ids.length);
	}

	private static StJob job(long id, long customerId, long unit, String status, Instant modifiedOn) {
		return new StJob(id, "J-" + id, customerId, null, status, null, unit, null, 1, null, null, List.of(), null,
				Instant.parse("2026-01-05T10:00:00Z"), modifiedOn);
	}

	private List<String> list(String parameter, String value) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/crm/projects").param(parameter, value).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.items[*].id");
	}

	private ResultActions read(UUID project) throws Exception {
		return mvc.perform(get("/api/crm/projects/{id}", project).header("X-Tenant-ID", tenant).header("Authorization",
				"Bearer " + manager));
	}

	private ResultActions update(UUID project, String ifMatch, String body) throws Exception {

		var request = put("/api/crm/projects/{id}", project).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
	}

	private ResultActions milestone(UUID project, UUID milestone, String ifMatch, String body) throws Exception {

		var request = put("/api/crm/projects/{id}/milestones/{m}", project, milestone).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
	}

	private ResultActions template(String unit, String body) throws Exception {
		return mvc.perform(put("/api/crm/milestone-templates/{unit}", unit).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private void publish(String topic, String type, long stId, Object record) throws Exception {

		var payload = new StRecordFetched<>(tenant, run, SyncType.FULL, now, record);
		kafka.send(codec.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), topic, tenant + ":" + stId,
				type, Long.toString(stId), tenant, codec.serialize(payload)))
			.get(10, TimeUnit.SECONDS);
	}
}
