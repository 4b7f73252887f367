package io.lazi.field.provider;

import static io.lazi.field.FieldFixtures.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.field.FieldFixtures;
import io.lazi.field.FieldIntegrationTest;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provider switches: who may switch, what a bad switch answers, that a switch from {@code servicetitan} to
 * {@code lazi} loses nothing and makes writes local (no command leaves), and that {@code hybrid} shows a Lazi-owned
 * record over the mirror's of the same id.
 */
@FieldIntegrationTest
class ProviderSwitchIntegrationTests {

	private final MockMvc mvc;

	private final JsonMapper json;

	private final FieldFixtures st;

	private final KafkaTestConsumer commands = new KafkaTestConsumer(Topics.ST_COMMANDS);

	private final KafkaTestConsumer changed = new KafkaTestConsumer(Topics.FIELD_CHANGED);

	@Autowired
	ProviderSwitchIntegrationTests(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
		this.st = new FieldFixtures(kafka, json);
	}

	@AfterEach
	void close() {
		commands.close();
		changed.close();
	}

	@Test
	void refusesSwitchesOfOtherRolesAndUnknownNamesAndChangesNothing() throws Exception {

		mvc.perform(put("/api/v2/providers").with(st.as("MANAGER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"jobs\":\"lazi\"}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/v2/providers").with(st.as("ADMIN")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"invoices\":\"lazi\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("invoices"));
		mvc.perform(put("/api/v2/providers").with(st.as("ADMIN")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"jobs\":\"lazi\",\"customers\":\"acme\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("customers"));
		mvc.perform(get("/api/v2/providers").with(st.as("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.providers.jobs").value("servicetitan"))
			.andExpect(jsonPath("$.providers.customers").value("servicetitan"))
			.andExpect(jsonPath("$.history.length()").value(0));
	}

	@Test
	void switchingToLaziLosesNothingAndKeepsWritesLocal() throws Exception {

		st.publishAll();
		until(() -> job().path("job").path("technicianIds").size() == 1);
		var before = List.of(body("/api/v2/customers/7"), body("/api/v2/jobs/10"), body("/api/v2/technicians?size=50"));

		mvc.perform(put("/api/v2/providers").with(st.as("owner-1", "OWNER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"customers\":\"lazi\",\"jobs\":\"lazi\",\"technicians\":\"lazi\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.providers.jobs").value("lazi"))
			.andExpect(jsonPath("$.changed.length()").value(3))
			.andExpect(jsonPath("$.history[0].changedBy").value("owner-1"));
		var after = List.of(body("/api/v2/customers/7"), body("/api/v2/jobs/10"), body("/api/v2/technicians?size=50"));
		for (var i = 0; i < before.size(); i++) {
			assertThat(withoutSources(after.get(i))).isEqualTo(withoutSources(before.get(i)));
		}
		assertThat(after.get(1).path("job").path("source").asText()).isEqualTo("lazi");

		mvc.perform(post("/api/v2/jobs/10/technicians").with(st.as("DISPATCHER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"technicianIds\":[100]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("applied"))
			.andExpect(jsonPath("$.record.job.technicianIds.length()").value(2));
		mvc.perform(delete("/api/v2/jobs/10/technicians").param("technicianIds", "101").with(st.as("DISPATCHER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.record.job.technicianIds[0]").value(100));
		mvc.perform(post("/api/v2/jobs/10/hold").with(st.as("MANAGER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reasonId\":2,\"memo\":\"Pump on order\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.record.job.jobStatus").value("Hold"))
			.andExpect(jsonPath("$.record.history[-1].eventType").value("Job Hold"));
		mvc.perform(post("/api/v2/customers").with(st.as("MANAGER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Lazi Home\",\"phone\":\"813-555-0199\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.record.source").value("lazi"))
			.andExpect(jsonPath("$.record.contacts[0].value").value("813-555-0199"));

		// The mirror keeps following ServiceTitan, unseen while the domain is served by lazi.
		st.publish(Events.CUSTOMER_FETCHED, 7, st.customer("Jane From ServiceTitan", st.now.plusSeconds(90)));
		commands.drain(Duration.ofSeconds(2));
		assertThat(st.mine(commands.records())).isEmpty();
		assertThat(body("/api/v2/customers/7").path("customer").path("name").asText()).isEqualTo("Jane Pool");

		var assigned = changed.await(r -> r.key().equals(st.tenant + ":10") && FieldFixtures.type(r).equals(Events.FIELD_JOB_ASSIGNED.name()),
				Duration.ofSeconds(10));
		assertThat(json.readTree(assigned.getLast().value()).path("source").asText()).isEqualTo("lazi");
		assertThat(changed.await(r -> r.key().equals(st.tenant) && FieldFixtures.type(r).equals(Events.FIELD_PROVIDERS_CHANGED.name()),
				Duration.ofSeconds(10))).hasSize(1);
	}

	@Test
	void hybridShowsALaziRecordOverTheMirrorsAndSendsWritesToWhereEachRecordLives() throws Exception {

		st.publishAll();
		until(() -> job().path("job").path("technicianIds").size() == 1);
		switchTo("customers", "lazi");
		mvc.perform(patch("/api/v2/customers/7").with(st.as("MANAGER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Jane Lazi\"}")).andExpect(status().isOk());
		switchTo("customers", "hybrid");
		st.publish(Events.CUSTOMER_FETCHED, 8, new io.lazi.platform.events.StCustomer(8, true, "Only In ServiceTitan",
				"Commercial", null, List.of(), null, st.now, st.now));
		until(() -> body("/api/v2/customers").path("totalItems").asInt() == 2);

		var customers = body("/api/v2/customers");
		assertThat(customers.path("items").get(0).path("name").asText()).isEqualTo("Jane Lazi");
		assertThat(customers.path("items").get(0).path("source").asText()).isEqualTo("lazi");
		assertThat(customers.path("items").get(1).path("source").asText()).isEqualTo("servicetitan");
		mvc.perform(patch("/api/v2/customers/7").with(st.as("MANAGER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"Commercial\"}")).andExpect(status().isOk());
		mvc.perform(patch("/api/v2/customers/8").with(st.as("MANAGER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Renamed\"}")).andExpect(status().isAccepted());
		mvc.perform(delete("/api/v2/customers/7").with(st.as("MANAGER"))).andExpect(status().isNoContent());
		assertThat(body("/api/v2/customers").path("totalItems").asInt()).isEqualTo(1);
	}

	private void switchTo(String domain, String provider) throws Exception {
		mvc.perform(put("/api/v2/providers").with(st.as("ADMIN")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"" + domain + "\":\"" + provider + "\"}")).andExpect(status().isOk());
	}

	private JsonNode job() throws Exception {
		return body("/api/v2/jobs/10");
	}

	private JsonNode body(String path) throws Exception {
		var answer = mvc.perform(get(path).with(st.as("VIEWER"))).andReturn().getResponse();
		return answer.getStatus() == 200 ? json.readTree(answer.getContentAsString()) : json.createObjectNode();
	}

	/** The document with every {@code source} removed: what a user sees besides where it lives. */
	private JsonNode withoutSources(JsonNode node) {

		var copy = node.deepCopy();
		var stack = new ArrayList<JsonNode>(List.of(copy));
		while (!stack.isEmpty()) {
			var next = stack.removeLast();
			if (next instanceof tools.jackson.databind.node.ObjectNode object) {
				object.remove("source");
			}
			next.forEach(stack::add);
		}
		return copy;
	}
}
