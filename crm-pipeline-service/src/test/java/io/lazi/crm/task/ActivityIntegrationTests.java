package io.lazi.crm.task;

import static io.lazi.crm.task.CrmRecordFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.lazi.crm.CrmIntegrationTest;

/** Activities over HTTP ({@code /api/crm/activities}). */
@CrmIntegrationTest
class ActivityIntegrationTests {

	private final MockMvc mvc;

	private final DSLContext dsl;

	private final CrmRecordFixtures records;

	@Autowired
	ActivityIntegrationTests(MockMvc mvc, DSLContext dsl) {
		this.mvc = mvc;
		this.dsl = dsl;
		this.records = new CrmRecordFixtures(dsl);
	}

	@Test
	void logsReadsReplacesAndDeletesAnActivityGuardedByItsVersion() throws Exception {

		var account = records.account("Lee Spa", null);
		var contact = records.contact(account, "Lee");
		var created = call("POST", "ann", """
				{"type":"call","subject":"Quote follow-up","body":"Wants it before June","durationMinutes":12,
				 "outcome":"call back","occurredAt":"2026-03-02T10:15:00Z","relatedType":"contact","relatedId":"%s"}"""
			.formatted(contact), "/api/crm/activities")
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.type").value("call"))
			.andExpect(jsonPath("$.subject").value("Quote follow-up"))
			.andExpect(jsonPath("$.durationMinutes").value(12))
			.andExpect(jsonPath("$.outcome").value("call back"))
			.andExpect(jsonPath("$.occurredAt").value("2026-03-02T10:15:00Z"))
			.andExpect(jsonPath("$.relatedType").value("contact"))
			.andExpect(jsonPath("$.relatedId").value(contact.toString()))
			.andExpect(jsonPath("$.authorId").value("ann"))
			.andExpect(jsonPath("$.externalMessageId").value(nullValue()));
		var id = id(created);
		created.andExpect(header().string("Location", "/api/crm/activities/" + id));

		// occurredAt defaults to now.
		var note = call("POST", "bob", "{\"type\":\"note\",\"relatedType\":\"account\",\"relatedId\":\"%s\"}"
			.formatted(account), "/api/crm/activities").andExpect(status().isCreated());
		assertThat(java.time.Instant.parse(JsonPath.read(body(note), "$.occurredAt")))
			.isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));

		call("GET", "bob", null, "/api/crm/activities/{id}", id).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.body").value("Wants it before June"));

		// A replacement clears what it leaves out, keeps occurredAt when it names none, and keeps the author.
		guarded("\"1\"", "PUT", "bob", "{\"type\":\"meeting\",\"relatedType\":\"account\",\"relatedId\":\"%s\"}"
			.formatted(account), "/api/crm/activities/{id}", id)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.type").value("meeting"))
			.andExpect(jsonPath("$.subject").value(nullValue()))
			.andExpect(jsonPath("$.durationMinutes").value(nullValue()))
			.andExpect(jsonPath("$.occurredAt").value("2026-03-02T10:15:00Z"))
			.andExpect(jsonPath("$.relatedType").value("account"))
			.andExpect(jsonPath("$.authorId").value("ann"));
		guarded("\"1\"", "PUT", "bob", "{\"type\":\"note\",\"relatedType\":\"account\",\"relatedId\":\"%s\"}"
			.formatted(account), "/api/crm/activities/{id}", id)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.currentETag").value("\"2\""));
		guarded("\"1\"", "DELETE", "bob", null, "/api/crm/activities/{id}", id).andExpect(status().isPreconditionFailed());
		guarded("\"2\"", "DELETE", "bob", null, "/api/crm/activities/{id}", id).andExpect(status().isNoContent());
		call("GET", "bob", null, "/api/crm/activities/{id}", id).andExpect(status().isNotFound());
	}

	@Test
	void refusesBadInputOtherTenantsActivitiesViewersWritesAndASecondActivityOfTheSameMessage() throws Exception {

		var lead = records.lead("Dee");
		var related = ",\"relatedType\":\"lead\",\"relatedId\":\"" + lead + "\"";
		var other = new CrmRecordFixtures(dsl);
		var foreignLead = other.lead("Elsewhere");
		for (var bad : List.of(List.of("{" + related.substring(1) + "}", "type"),
				List.of("{\"type\":\"fax\"" + related + "}", "type"),
				List.of("{\"type\":\"call\",\"durationMinutes\":-1" + related + "}", "durationMinutes"),
				List.of("{\"type\":\"call\",\"subject\":\"" + "s".repeat(201) + "\"" + related + "}", "subject"),
				List.of("{\"type\":\"call\"}", "relatedType"),
				List.of("{\"type\":\"call\",\"relatedType\":\"lead\"}", "relatedId"),
				List.of("{\"type\":\"call\",\"relatedType\":\"lead\",\"relatedId\":\"" + foreignLead + "\"}", "relatedId"),
				List.of("{\"type\":\"call\",\"relatedType\":\"case\",\"relatedId\":\"" + UUID.randomUUID() + "\"}",
						"relatedId"))) {
			call("POST", "ann", bad.get(0), "/api/crm/activities").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad.get(1)));
		}

		// One activity per message and tenant: the second answers with the first's id and creates nothing.
		var email = "{\"type\":\"email\",\"subject\":\"Re: deck\",\"externalMessageId\":\"<m1@mail>\"" + related + "}";
		var first = id(call("POST", "ann", email, "/api/crm/activities").andExpect(status().isCreated()));
		call("POST", "bob", email.replace("Re: deck", "Fwd: deck"), "/api/crm/activities")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/conflict"))
			.andExpect(jsonPath("$.field").value("externalMessageId"))
			.andExpect(jsonPath("$.existingId").value(first.toString()));
		// Another tenant may log the same message.
		mvc.perform(as("POST", other.token("eve", "MANAGER"), other.tenant,
				"{\"type\":\"email\",\"externalMessageId\":\"<m1@mail>\",\"relatedType\":\"lead\",\"relatedId\":\""
						+ foreignLead + "\"}",
				"/api/crm/activities"))
			.andExpect(status().isCreated());
		call("POST", "ann", "{\"type\":\"call\",\"durationMinutes\":0" + related + "}", "/api/crm/activities")
			.andExpect(status().isCreated());

		assertThat(subjects("")).containsExactly(null, "Re: deck");
		assertThat(subjects("type=email")).containsExactly("Re: deck");
		assertThat(subjects("authorId=me")).containsExactly(null, "Re: deck");
		assertThat(subjects("authorId=bob")).isEmpty();
		assertThat(subjects("relatedType=lead&relatedId=" + lead + "&sort=occurredAt,asc")).containsExactly("Re: deck",
				null);
		assertThat(subjects("relatedType=lead&relatedId=" + foreignLead)).isEmpty();
		for (var query : List.of("type=fax", "sort=subject", "relatedId=" + lead)) {
			call("GET", "ann", null, "/api/crm/activities?" + query).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(query.startsWith("relatedId") ? "relatedType"
						: query.substring(0, query.indexOf('='))));
		}

		// Another tenant's activity does not exist for this one, on every route.
		var stranger = other.token("eve", "OWNER");
		for (var method : List.of("GET", "PUT", "DELETE")) {
			mvc.perform(as(method, stranger, other.tenant, "{\"type\":\"note\",\"relatedType\":\"lead\",\"relatedId\":\""
					+ foreignLead + "\"}", "/api/crm/activities/{id}", first))
				.andExpect(status().isNotFound());
		}

		// A viewer reads, but writes nothing.
		var viewer = records.token("vic", "VIEWER");
		mvc.perform(as("GET", viewer, records.tenant, null, "/api/crm/activities/{id}", first))
			.andExpect(status().isOk());
		mvc.perform(as("POST", viewer, records.tenant, "{\"type\":\"note\"" + related + "}", "/api/crm/activities"))
			.andExpect(status().isForbidden());
		for (var method : List.of("PUT", "DELETE")) {
			mvc.perform(as(method, viewer, records.tenant, "{\"type\":\"note\"" + related + "}",
					"/api/crm/activities/{id}", first))
				.andExpect(status().isForbidden());
		}
		call("GET", "ann", null, "/api/crm/activities/{id}", first).andExpect(jsonPath("$.type").value("email"))
			.andExpect(jsonPath("$.subject").value("Re: deck"));
	}

	private List<String> subjects(String query) throws Exception {
		return JsonPath.read(body(call("GET", "ann", null, "/api/crm/activities?" + query).andExpect(status().isOk())),
				"$.items[*].subject");
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

	private static UUID id(ResultActions result) throws Exception {
		return UUID.fromString(JsonPath.read(body(result), "$.id"));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
