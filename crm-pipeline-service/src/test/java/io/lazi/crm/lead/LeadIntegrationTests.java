package io.lazi.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.EventSchemas;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.LeadCreated;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/** Leads' create, read, list, update and delete over HTTP, their validation, locking, isolation and event. */
@CrmIntegrationTest
class LeadIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final String manager = TestTokens.user("manager-3", List.of(tenant), List.of("MANAGER")).sign();

	private final MockMvc mvc;

	private final JsonMapper json;

	@Autowired
	LeadIntegrationTests(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	@Test
	void createsReadsUpdatesAndDeletesALeadGuardedByItsVersionAndAnnouncesIt() throws Exception {

		UUID id;
		try (var leads = new KafkaTestConsumer(Topics.CRM_LEADS)) {
			var created = send(post("/api/crm/leads"), """
					{"name":" Dana Reed ","company":"Reed Pools","email":"dana@reed.example","phone":"+1 (555) 010-2000 x12",
					 "street":"1 Main St","city":"Austin","state":"TX","zip":"78701","source":"website",
					 "estimatedValue":1500.50,"score":42}""", manager)
				.andExpect(status().isCreated())
				.andExpect(header().string("ETag", "\"1\""))
				.andExpect(jsonPath("$.name").value("Dana Reed"))
				.andExpect(jsonPath("$.source").value("website"))
				.andExpect(jsonPath("$.status").value("new"))
				.andExpect(jsonPath("$.estimatedValue").value(1500.5))
				.andExpect(jsonPath("$.ownerId").value("manager-3"))
				.andExpect(jsonPath("$.createdBy").value("manager-3"))
				.andExpect(jsonPath("$.score").value(42))
				.andExpect(jsonPath("$.stLeadId").value(nullValue()))
				.andExpect(jsonPath("$.version").value(1))
				.andReturn();
			var view = json.readValue(created.getResponse().getContentAsString(), LeadView.class);
			id = view.id();
			assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/crm/leads/" + id);

			var records = leads.await(r -> (tenant + ":" + id).equals(r.key()), TIMEOUT);
			assertThat(records).hasSize(1);
			assertThat(ceHeader(records.getFirst(), "ce_type")).isEqualTo(Events.CRM_LEAD_CREATED.name());
			assertThat(ceHeader(records.getFirst(), "ce_tenantid")).isEqualTo(tenant);
			EventSchemas.assertValid("lead-created.schema.json", records.getFirst().value());
			assertThat(json.readValue(records.getFirst().value(), LeadCreated.class)).isEqualTo(new LeadCreated(tenant,
					id, "Dana Reed", "Reed Pools", "dana@reed.example", "+1 (555) 010-2000 x12", "website", "new",
					new BigDecimal("1500.50"), "manager-3", null, "manager-3", view.createdAt()));
		}

		perform(get("/api/crm/leads/{id}", id), manager).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.city").value("Austin"));

		// The whole body: absent optional fields are cleared, absent source and status kept.
		send(put("/api/crm/leads/{id}", id).header("If-Match", "\"1\""), """
				{"name":"Dana Reed-Cole","email":"dana@cole.example","status":"qualified","ownerId":"rep-2","score":90}""",
				manager)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.name").value("Dana Reed-Cole"))
			.andExpect(jsonPath("$.company").value(nullValue()))
			.andExpect(jsonPath("$.estimatedValue").value(nullValue()))
			.andExpect(jsonPath("$.source").value("website"))
			.andExpect(jsonPath("$.status").value("qualified"))
			.andExpect(jsonPath("$.ownerId").value("rep-2"))
			.andExpect(jsonPath("$.createdBy").value("manager-3"));

		// A stale version: 412 with the current ETag, nothing changed.
		send(put("/api/crm/leads/{id}", id).header("If-Match", "\"1\""), "{\"name\":\"Someone else\"}", manager)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/precondition-failed"))
			.andExpect(jsonPath("$.currentETag").value("\"2\""));
		perform(delete("/api/crm/leads/{id}", id).header("If-Match", "\"1\""), manager)
			.andExpect(status().isPreconditionFailed());
		perform(get("/api/crm/leads/{id}", id), manager).andExpect(jsonPath("$.name").value("Dana Reed-Cole"));

		// Without If-Match the change applies to whatever is current.
		send(put("/api/crm/leads/{id}", id), "{\"name\":\"Dana Cole\",\"status\":\"contacted\",\"source\":\"REFERRAL\"}",
				manager)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(jsonPath("$.source").value("referral"))
			.andExpect(jsonPath("$.ownerId").value(nullValue()));

		perform(delete("/api/crm/leads/{id}", id).header("If-Match", "\"3\""), manager).andExpect(status().isNoContent());
		perform(get("/api/crm/leads/{id}", id), manager).andExpect(status().isNotFound());
		send(put("/api/crm/leads/{id}", id), "{\"name\":\"Back\"}", manager).andExpect(status().isNotFound());
		perform(delete("/api/crm/leads/{id}", id), manager).andExpect(status().isNotFound());
		perform(get("/api/crm/leads"), manager).andExpect(jsonPath("$.totalItems").value(0));
	}

	@Test
	void listsLeadsBySearchStatusSourceAndOwnerSortedAndPaged() throws Exception {

		create("{\"name\":\"Alma Stone\",\"company\":\"Stone Decks\",\"source\":\"phone\",\"status\":\"qualified\",\"estimatedValue\":300,\"ownerId\":\"rep-1\"}");
		create("{\"name\":\"Bo Rivers\",\"phone\":\"555-777-1234\",\"source\":\"website\",\"estimatedValue\":900}");
		create("{\"name\":\"Cy Stonewall\",\"city\":\"Dallas\",\"source\":\"website\",\"ownerId\":\"rep-1\"}");

		perform(get("/api/crm/leads"), manager).andExpect(jsonPath("$.totalItems").value(3))
			.andExpect(jsonPath("$.items[0].name").value("Cy Stonewall"));
		perform(get("/api/crm/leads").param("q", "ston"), manager).andExpect(jsonPath("$.totalItems").value(2));
		perform(get("/api/crm/leads").param("q", "stone decks"), manager).andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].name").value("Alma Stone"));
		perform(get("/api/crm/leads").param("q", "5557771"), manager).andExpect(jsonPath("$.items[0].name").value("Bo Rivers"));
		perform(get("/api/crm/leads").param("q", "dal"), manager).andExpect(jsonPath("$.items[0].name").value("Cy Stonewall"));
		perform(get("/api/crm/leads").param("q", " "), manager).andExpect(jsonPath("$.totalItems").value(3));
		perform(get("/api/crm/leads").param("status", "qualified"), manager).andExpect(jsonPath("$.totalItems").value(1));
		perform(get("/api/crm/leads").param("source", "website").param("ownerId", "rep-1"), manager)
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].name").value("Cy Stonewall"));
		perform(get("/api/crm/leads").param("ownerId", "manager-3"), manager)
			.andExpect(jsonPath("$.items[0].name").value("Bo Rivers"));
		perform(get("/api/crm/leads").param("sort", "name").param("size", "2").param("page", "1"), manager)
			.andExpect(jsonPath("$.totalItems").value(3))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].name").value("Cy Stonewall"));
		perform(get("/api/crm/leads").param("sort", "estimatedValue,desc"), manager)
			.andExpect(jsonPath("$.items[0].name").value("Bo Rivers"))
			.andExpect(jsonPath("$.items[2].name").value("Cy Stonewall"));

		for (var bad : List.of(List.of("sort", "secret"), List.of("sort", "name,sideways"), List.of("status", "won"),
				List.of("source", "fax"), List.of("q", "!!!"), List.of("size", "0"))) {
			perform(get("/api/crm/leads").param(bad.get(0), bad.get(1)), manager).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad.get(0)));
		}
	}

	@Test
	void refusesInvalidLeadsNamingTheField() throws Exception {

		var id = create("{\"name\":\"Valid\"}");
		var longText = "x".repeat(201);
		var bodies = List.of(List.of("{}", "name"), List.of("{\"name\":\"  \"}", "name"),
				List.of("{\"name\":\"" + longText + "\"}", "name"),
				List.of("{\"name\":\"A\",\"company\":\"" + longText + "\"}", "company"),
				List.of("{\"name\":\"A\",\"city\":\"" + longText + "\"}", "city"),
				List.of("{\"name\":\"A\",\"email\":\"not-an-address\"}", "email"),
				List.of("{\"name\":\"A\",\"email\":\"a@b\"}", "email"),
				List.of("{\"name\":\"A\",\"phone\":\"call me\"}", "phone"),
				List.of("{\"name\":\"A\",\"source\":\"fax\"}", "source"),
				List.of("{\"name\":\"A\",\"status\":\"won\"}", "status"),
				List.of("{\"name\":\"A\",\"status\":\"converted\"}", "status"),
				List.of("{\"name\":\"A\",\"estimatedValue\":-1}", "estimatedValue"),
				List.of("{\"name\":\"A\",\"estimatedValue\":1.005}", "estimatedValue"),
				List.of("{\"name\":\"A\",\"estimatedValue\":\"lots\"}", "estimatedValue"),
				List.of("{\"name\":\"A\",\"score\":101}", "score"), List.of("{\"name\":\"A\",\"score\":-1}", "score"),
				List.of("{\"name\":\"A\",\"ownerId\":\"" + longText + "\"}", "ownerId"));
		for (var body : bodies) {
			send(post("/api/crm/leads"), body.get(0), manager).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(body.get(1)));
			send(put("/api/crm/leads/{id}", id), body.get(0), manager).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(body.get(1)));
		}
		send(post("/api/crm/leads"), "{\"name\":\"A\",\"source\":\"fax\"}", manager)
			.andExpect(jsonPath("$.detail").value(containsString("website, referral, phone, social, email, event, other")));
		perform(put("/api/crm/leads/{id}", id), manager).andExpect(status().isBadRequest());
		perform(put("/api/crm/leads/{id}", id).header("If-Match", "three"), manager).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("If-Match"));
		perform(get("/api/crm/leads/{id}", id), manager).andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void hidesOtherTenantsLeadsAndRefusesViewersChanges() throws Exception {

		var id = create("{\"name\":\"Mine\"}");
		var other = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
		var stranger = TestTokens.user("stranger", List.of(other), List.of("OWNER")).sign();
		var onOther = List.of(get("/api/crm/leads/{id}", id), put("/api/crm/leads/{id}", id),
				delete("/api/crm/leads/{id}", id), post("/api/crm/leads/{id}/convert", id));
		for (var request : onOther) {
			mvc.perform(request.header("X-Tenant-ID", other)
				.header("Authorization", "Bearer " + stranger)
				.contentType(MediaType.APPLICATION_JSON)
				.content(request == onOther.get(3) ? "{}" : "{\"name\":\"Theirs\"}")).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/crm/leads").header("X-Tenant-ID", other).header("Authorization", "Bearer " + stranger))
			.andExpect(jsonPath("$.totalItems").value(0));

		var viewer = TestTokens.user("viewer-1", List.of(tenant), List.of("VIEWER")).sign();
		send(post("/api/crm/leads"), "{\"name\":\"Nope\"}", viewer).andExpect(status().isForbidden());
		send(put("/api/crm/leads/{id}", id), "{\"name\":\"Nope\"}", viewer).andExpect(status().isForbidden());
		perform(delete("/api/crm/leads/{id}", id), viewer).andExpect(status().isForbidden());
		send(post("/api/crm/leads/{id}/convert", id), "{}", viewer).andExpect(status().isForbidden());
		perform(get("/api/crm/leads/{id}", id), viewer).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Mine"))
			.andExpect(jsonPath("$.version").value(1));
	}

	private UUID create(String body) throws Exception {
		var result = send(post("/api/crm/leads"), body, manager).andExpect(status().isCreated()).andReturn();
		return json.readValue(result.getResponse().getContentAsString(), LeadView.class).id();
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String body, String token) throws Exception {
		return perform(request.contentType(MediaType.APPLICATION_JSON).content(body), token);
	}

	private ResultActions perform(MockHttpServletRequestBuilder request, String token) throws Exception {
		return mvc.perform(request.header("X-Tenant-ID", tenant).header("Authorization", "Bearer " + token));
	}

	private static String ceHeader(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
