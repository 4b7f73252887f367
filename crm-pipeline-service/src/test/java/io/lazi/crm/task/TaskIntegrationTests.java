package io.lazi.crm.task;

import static io.lazi.crm.task.CrmRecordFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.EventSchemas;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.TaskAssigned;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import tools.jackson.databind.json.JsonMapper;

/** Tasks over HTTP ({@code /api/crm/tasks}) and their {@code crm.task-assigned} events. */
@CrmIntegrationTest
class TaskIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final MockMvc mvc;

	private final JsonMapper json;

	private final DSLContext dsl;

	private final CrmRecordFixtures records;

	@Autowired
	TaskIntegrationTests(MockMvc mvc, JsonMapper json, DSLContext dsl) {
		this.mvc = mvc;
		this.json = json;
		this.dsl = dsl;
		this.records = new CrmRecordFixtures(dsl);
	}

	@Test
	void createsReadsReplacesCompletesAndDeletesATaskGuardedByItsVersion() throws Exception {

		var account = records.account("Lee Spa", null);
		var created = call("POST", "ann", """
				{"title":" Call back ","description":"About the deck","type":"call","priority":"high",
				 "dueAt":"2030-05-01T15:00:00Z","timeZone":"America/Chicago","assigneeId":"me",
				 "relatedType":"account","relatedId":"%s"}""".formatted(account), "/api/crm/tasks")
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.title").value("Call back"))
			.andExpect(jsonPath("$.type").value("call"))
			.andExpect(jsonPath("$.priority").value("high"))
			.andExpect(jsonPath("$.dueAt").value("2030-05-01T15:00:00Z"))
			.andExpect(jsonPath("$.timeZone").value("America/Chicago"))
			.andExpect(jsonPath("$.assigneeId").value("ann"))
			.andExpect(jsonPath("$.relatedType").value("account"))
			.andExpect(jsonPath("$.relatedId").value(account.toString()))
			.andExpect(jsonPath("$.status").value("open"))
			.andExpect(jsonPath("$.overdue").value(false))
			.andExpect(jsonPath("$.createdBy").value("ann"))
			.andExpect(jsonPath("$.version").value(1));
		var id = id(created);
		created.andExpect(header().string("Location", "/api/crm/tasks/" + id));

		// Defaults: to_do, medium, UTC, no assignee, about nothing.
		call("POST", "ann", "{\"title\":\"Order parts\"}", "/api/crm/tasks")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("to_do"))
			.andExpect(jsonPath("$.priority").value("medium"))
			.andExpect(jsonPath("$.timeZone").value("UTC"))
			.andExpect(jsonPath("$.assigneeId").value(nullValue()))
			.andExpect(jsonPath("$.relatedType").value(nullValue()))
			.andExpect(jsonPath("$.dueAt").value(nullValue()));

		call("GET", "ann", null, "/api/crm/tasks/{id}", id).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.description").value("About the deck"));

		// A replacement clears what it leaves out and keeps the status.
		guarded("\"1\"", "PUT", "bob", "{\"title\":\"Call back today\",\"dueAt\":\"2020-01-01T00:00:00Z\"}", "/api/crm/tasks/{id}", id)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.title").value("Call back today"))
			.andExpect(jsonPath("$.description").value(nullValue()))
			.andExpect(jsonPath("$.type").value("to_do"))
			.andExpect(jsonPath("$.assigneeId").value(nullValue()))
			.andExpect(jsonPath("$.relatedId").value(nullValue()))
			.andExpect(jsonPath("$.overdue").value(true))
			.andExpect(jsonPath("$.createdBy").value("ann"));
		guarded("\"1\"", "PUT", "bob", "{\"title\":\"Stale\"}", "/api/crm/tasks/{id}", id)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/precondition-failed"))
			.andExpect(jsonPath("$.currentETag").value("\"2\""));
		guarded("\"1\"", "PUT", "bob", null, "/api/crm/tasks/{id}/complete", id).andExpect(status().isPreconditionFailed());

		var completed = guarded("\"2\"", "PUT", "bob", null, "/api/crm/tasks/{id}/complete", id)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(jsonPath("$.status").value("completed"))
			.andExpect(jsonPath("$.completedBy").value("bob"))
			.andExpect(jsonPath("$.overdue").value(false));
		var completedAt = JsonPath.read(body(completed), "$.completedAt");
		// Completing again changes nothing, whoever asks and whatever version they read.
		guarded("\"1\"", "PUT", "cy", null, "/api/crm/tasks/{id}/complete", id).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(jsonPath("$.completedBy").value("bob"))
			.andExpect(jsonPath("$.completedAt").value(completedAt));

		guarded("\"2\"", "DELETE", "bob", null, "/api/crm/tasks/{id}", id).andExpect(status().isPreconditionFailed());
		guarded("\"3\"", "DELETE", "bob", null, "/api/crm/tasks/{id}", id).andExpect(status().isNoContent());
		call("GET", "bob", null, "/api/crm/tasks/{id}", id).andExpect(status().isNotFound());
		call("DELETE", "bob", null, "/api/crm/tasks/{id}", id).andExpect(status().isNotFound());
	}

	@Test
	void refusesBadInputNamingTheFieldOtherTenantsTasksAndViewersWrites() throws Exception {

		var other = new CrmRecordFixtures(dsl);
		var foreignAccount = other.account("Elsewhere", null);
		var badBodies = List.of(
				List.of("{\"title\":\"  \"}", "title"),
				List.of("{\"title\":\"" + "x".repeat(201) + "\"}", "title"),
				List.of("{\"title\":\"T\",\"type\":\"errand\"}", "type"),
				List.of("{\"title\":\"T\",\"priority\":\"asap\"}", "priority"),
				List.of("{\"title\":\"T\",\"timeZone\":\"Mars/Olympus\"}", "timeZone"),
				List.of("{\"title\":\"T\",\"timeZone\":\"+02:00\"}", "timeZone"),
				List.of("{\"title\":\"T\",\"dueAt\":\"tomorrow\"}", "dueAt"),
				List.of("{\"title\":\"T\",\"relatedType\":\"account\"}", "relatedId"),
				List.of("{\"title\":\"T\",\"relatedId\":\"" + UUID.randomUUID() + "\"}", "relatedType"),
				List.of("{\"title\":\"T\",\"relatedType\":\"invoice\",\"relatedId\":\"" + UUID.randomUUID() + "\"}",
						"relatedType"),
				List.of("{\"title\":\"T\",\"relatedType\":\"lead\",\"relatedId\":\"" + UUID.randomUUID() + "\"}",
						"relatedId"),
				List.of("{\"title\":\"T\",\"relatedType\":\"account\",\"relatedId\":\"" + foreignAccount + "\"}",
						"relatedId"));
		for (var bad : badBodies) {
			call("POST", "ann", bad.get(0), "/api/crm/tasks").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad.get(1)));
		}
		call("POST", "ann", "{\"title\":\"T\",\"relatedType\":\"lead\",\"relatedId\":\"" + UUID.randomUUID() + "\"}",
				"/api/crm/tasks")
			.andExpect(jsonPath("$.detail").value(containsString("does not exist")));
		for (var query : List.of("sort=owner", "sort=dueAt,sideways", "status=done", "overdue=maybe",
				"relatedType=account", "dueBefore=soon")) {
			var field = query.substring(0, query.indexOf('='));
			call("GET", "ann", null, "/api/crm/tasks?" + query).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(field.equals("relatedType") ? "relatedId" : field));
		}

		var id = id(call("POST", "ann", "{\"title\":\"Mine\"}", "/api/crm/tasks").andExpect(status().isCreated()));
		call("PUT", "ann", "{\"title\":\"T\",\"timeZone\":\"Nowhere\"}", "/api/crm/tasks/{id}", id)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("timeZone"));
		guarded("3", "PUT", "ann", "{\"title\":\"T\"}", "/api/crm/tasks/{id}", id)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("If-Match"));

		// Another tenant's task does not exist for this one, on every route.
		var stranger = other.token("eve", "OWNER");
		for (var route : List.of(List.of("GET", "/api/crm/tasks/{id}"), List.of("PUT", "/api/crm/tasks/{id}"),
				List.of("PUT", "/api/crm/tasks/{id}/complete"), List.of("DELETE", "/api/crm/tasks/{id}"))) {
			mvc.perform(as(route.get(0), stranger, other.tenant, "{\"title\":\"Taken\"}", route.get(1), id))
				.andExpect(status().isNotFound());
		}
		assertThat(mvc.perform(as("GET", stranger, other.tenant, null, "/api/crm/tasks"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"totalItems\":0");

		// A viewer reads, but writes nothing.
		var viewer = records.token("vic", "VIEWER");
		mvc.perform(as("GET", viewer, records.tenant, null, "/api/crm/tasks/{id}", id)).andExpect(status().isOk());
		mvc.perform(as("POST", viewer, records.tenant, "{\"title\":\"No\"}", "/api/crm/tasks"))
			.andExpect(status().isForbidden());
		for (var method : List.of("PUT", "DELETE")) {
			mvc.perform(as(method, viewer, records.tenant, "{\"title\":\"No\"}", "/api/crm/tasks/{id}", id))
				.andExpect(status().isForbidden());
		}
		mvc.perform(as("PUT", viewer, records.tenant, null, "/api/crm/tasks/{id}/complete", id))
			.andExpect(status().isForbidden());
		call("GET", "ann", null, "/api/crm/tasks/{id}", id).andExpect(jsonPath("$.title").value("Mine"))
			.andExpect(jsonPath("$.status").value("open"));
	}

	@Test
	void listsByAssigneeStatusOverdueRelatedRecordAndDueTimeSoonestFirst() throws Exception {

		var lead = records.lead("Dee");
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		var late = task("ann", "Late", "me", now.minus(2, ChronoUnit.DAYS), lead);
		var later = task("ann", "Later", "bob", now.plus(2, ChronoUnit.DAYS), null);
		var undated = task("ann", "Undated", "me", null, lead);
		var done = task("bob", "Done", "ann", now.minus(3, ChronoUnit.DAYS), null);
		call("PUT", "ann", null, "/api/crm/tasks/{id}/complete", done).andExpect(status().isOk());
		var soon = task("bob", "Soon", null, now.plus(1, ChronoUnit.HOURS), null);

		assertThat(titles("")).containsExactly("Done", "Late", "Soon", "Later", "Undated");
		assertThat(titles("assigneeId=me")).containsExactly("Done", "Late", "Undated");
		assertThat(titles("assigneeId=bob")).containsExactly("Later");
		assertThat(titles("overdue=true")).containsExactly("Late");
		assertThat(titles("overdue=false")).containsExactly("Done", "Soon", "Later", "Undated");
		assertThat(titles("status=completed")).containsExactly("Done");
		assertThat(titles("status=open&assigneeId=me")).containsExactly("Late", "Undated");
		assertThat(titles("relatedType=lead&relatedId=" + lead)).containsExactly("Late", "Undated");
		assertThat(titles("dueAfter=" + now + "&dueBefore=" + now.plus(1, ChronoUnit.DAYS))).containsExactly("Soon");
		assertThat(titles("dueBefore=" + now)).containsExactly("Done", "Late");
		assertThat(titles("sort=dueAt,desc")).containsExactly("Later", "Soon", "Late", "Done", "Undated");
		assertThat(titles("sort=title")).containsExactly("Done", "Late", "Later", "Soon", "Undated");

		var page = call("GET", "ann", null, "/api/crm/tasks?size=2&page=1").andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(5))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.items[0].title").value("Soon"))
			.andExpect(jsonPath("$.items[0].overdue").value(false));
		assertThat(List.of(late, later, undated, soon)).doesNotContainNull();
		assertThat(body(page)).doesNotContain("\"Done\"");
	}

	@Test
	void announcesAnAssignmentWhenCreatedWithAnAssigneeAndWhenReassignedOnly() throws Exception {

		var opportunity = records.derivedOpportunity(null, 42, "CONTACTED", Instant.now());
		try (var events = new KafkaTestConsumer(Topics.CRM_TASKS)) {
			var created = call("POST", "ann", """
					{"title":"Measure the deck","type":"meeting","priority":"urgent","dueAt":"2030-05-01T15:00:00Z",
					 "timeZone":"Europe/Berlin","assigneeId":"bob","relatedType":"opportunity","relatedId":"%s"}"""
				.formatted(opportunity), "/api/crm/tasks").andExpect(status().isCreated());
			var id = id(created);
			// Edits that keep the assignee: nothing announced.
			call("PUT", "ann", """
					{"title":"Measure the deck again","type":"meeting","priority":"low","assigneeId":"bob"}""",
					"/api/crm/tasks/{id}", id)
				.andExpect(status().isOk());
			call("PUT", "bob", null, "/api/crm/tasks/{id}/complete", id).andExpect(status().isOk());
			call("PUT", "cy", """
					{"title":"Measure twice","assigneeId":"cy","relatedType":"opportunity","relatedId":"%s"}"""
				.formatted(opportunity), "/api/crm/tasks/{id}", id)
				.andExpect(status().isOk());
			// Unassigned, and created without an assignee: nothing announced.
			call("PUT", "cy", "{\"title\":\"Nobody's\"}", "/api/crm/tasks/{id}", id).andExpect(status().isOk());
			call("POST", "ann", "{\"title\":\"Free\"}", "/api/crm/tasks").andExpect(status().isCreated());

			var ours = events.await(r -> records.tenant.equals(kafkaHeader(r, "ce_tenantid")) && payload(r).previousAssigneeId() != null,
					TIMEOUT);
			assertThat(ours).hasSize(1);
			var all = events.drain(Duration.ofSeconds(2))
				.stream()
				.filter(r -> records.tenant.equals(kafkaHeader(r, "ce_tenantid")))
				.toList();
			assertThat(all).hasSize(2);
			assertThat(all).allSatisfy(r -> {
				assertThat(kafkaHeader(r, "ce_type")).isEqualTo(Events.CRM_TASK_ASSIGNED.name());
				assertThat(kafkaHeader(r, "ce_subject")).isEqualTo(id.toString());
			});

			var first = payload(all.get(0));
			assertThat(first).usingRecursiveComparison()
				.ignoringFields("assignedAt")
				.isEqualTo(new TaskAssigned(records.tenant, id, "Measure the deck", "meeting", "urgent",
						Instant.parse("2030-05-01T15:00:00Z"), "Europe/Berlin", "bob", null, "ann", "opportunity",
						opportunity, Instant.EPOCH));
			assertThat(first.assignedAt()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
			var second = payload(all.get(1));
			assertThat(second).usingRecursiveComparison()
				.ignoringFields("assignedAt")
				.isEqualTo(new TaskAssigned(records.tenant, id, "Measure twice", "to_do", "medium", null, "UTC", "cy",
						"bob", "cy", "opportunity", opportunity, Instant.EPOCH));
			assertThat(second.assignedAt()).isAfterOrEqualTo(first.assignedAt());
		}
	}

	private UUID task(String user, String title, String assignee, Instant dueAt, UUID lead) throws Exception {

		var body = "{\"title\":\"%s\"%s%s%s}".formatted(title,
				assignee == null ? "" : ",\"assigneeId\":\"" + assignee + "\"",
				dueAt == null ? "" : ",\"dueAt\":\"" + dueAt + "\"",
				lead == null ? "" : ",\"relatedType\":\"lead\",\"relatedId\":\"" + lead + "\"");
		return id(call("POST", user, body, "/api/crm/tasks").andExpect(status().isCreated()));
	}

	private List<String> titles(String query) throws Exception {
		return JsonPath.read(body(call("GET", "ann", null, "/api/crm/tasks?" + query).andExpect(status().isOk())),
				"$.items[*].title");
	}

	/** {@code method path} by {@code user}, a MANAGER of the tenant. */
	private ResultActions call(String method, String user, String body, String path, Object... variables)
			throws Exception {
		return mvc.perform(records.request(method, user, body, path, variables));
	}

	/** {@link #call} with {@code If-Match: ifMatch}. */
	private ResultActions guarded(String ifMatch, String method, String user, String body, String path,
			Object... variables) throws Exception {
		return mvc.perform(records.request(method, user, body, path, variables).header("If-Match", ifMatch));
	}

	private TaskAssigned payload(ConsumerRecord<String, byte[]> record) {
		EventSchemas.assertValid("task-assigned.schema.json", record.value());
		return json.readValue(record.value(), TaskAssigned.class);
	}

	private static UUID id(ResultActions result) throws Exception {
		return UUID.fromString(JsonPath.read(body(result), "$.id"));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String kafkaHeader(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
