package io.lazi.field.mirror;

import static io.lazi.field.FieldFixtures.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.field.FieldFixtures;
import io.lazi.field.FieldIntegrationTest;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mirror under the default {@code servicetitan} provider: raw records become what the API serves, newest
 * {@code modifiedOn} winning, re-deliveries changing nothing, and each real change announced on
 * {@code field.changed}.
 */
@FieldIntegrationTest
class MirrorIntegrationTests {

	private final MockMvc mvc;

	private final JsonMapper json;

	private final FieldFixtures st;

	private final KafkaTestConsumer changed = new KafkaTestConsumer(Topics.FIELD_CHANGED);

	@Autowired
	MirrorIntegrationTests(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
		this.st = new FieldFixtures(kafka, json);
	}

	@AfterEach
	void close() {
		changed.close();
	}

	@Test
	void servesTheCustomersJobsAndTechniciansServiceTitanSent() throws Exception {

		st.publishAll();
		until(() -> jobTechnicians() == 1);

		mvc.perform(get("/api/v2/customers").param("q", "jane 555-0100").with(st.as("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].id").value(7))
			.andExpect(jsonPath("$.items[0].source").value("servicetitan"));
		mvc.perform(get("/api/v2/customers").param("email", "nobody@example.com").with(st.as("VIEWER")))
			.andExpect(jsonPath("$.totalItems").value(0));
		mvc.perform(get("/api/v2/customers/7").with(st.as("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customer.name").value("Jane Pool"))
			.andExpect(jsonPath("$.customer.contacts.length()").value(2))
			.andExpect(jsonPath("$.locations[0].id").value(70))
			.andExpect(jsonPath("$.jobs[0].id").value(10))
			.andExpect(jsonPath("$.jobs[0].jobStatus").value("Scheduled"));
		mvc.perform(get("/api/v2/locations/70/jobs").with(st.as("VIEWER"))).andExpect(jsonPath("$.items[0].id").value(10));
		mvc.perform(get("/api/v2/technicians/101/jobs").with(st.as("VIEWER"))).andExpect(jsonPath("$.items[0].id").value(10));
		mvc.perform(get("/api/v2/technicians/100/jobs").with(st.as("VIEWER"))).andExpect(jsonPath("$.totalItems").value(0));
		mvc.perform(get("/api/v2/jobs/10").with(st.as("VIEWER")))
			.andExpect(jsonPath("$.job.technicianIds[0]").value(101))
			.andExpect(jsonPath("$.appointments[0].id").value(20))
			.andExpect(jsonPath("$.appointments[0].technicianIds[0]").value(101))
			.andExpect(jsonPath("$.history[0].eventType").value("Job Booked"));
		mvc.perform(get("/api/v2/technicians").param("teamId", "1").param("active", "true").with(st.as("VIEWER")))
			.andExpect(jsonPath("$.totalItems").value(2));
		mvc.perform(get("/api/v2/business-units/5/technicians").with(st.as("VIEWER")))
			.andExpect(jsonPath("$.totalItems").value(3));
		mvc.perform(get("/api/v2/job-cancel-reasons").with(st.as("VIEWER"))).andExpect(jsonPath("$[0].name").value("Customer canceled"));
		var day = st.tomorrow.toString();
		var next = st.tomorrow.plus(Duration.ofDays(1)).toString();
		mvc.perform(get("/api/v2/technicians/100/availability").param("from", day).param("to", next).with(st.as("VIEWER")))
			.andExpect(jsonPath("$.freeMinutes").value(540))
			.andExpect(jsonPath("$.busy.length()").value(0));
		mvc.perform(get("/api/v2/technicians/101/availability").param("from", day).param("to", next).with(st.as("VIEWER")))
			.andExpect(jsonPath("$.freeMinutes").value(0))
			.andExpect(jsonPath("$.busy[0].appointmentId").value(20));
		mvc.perform(get("/api/v2/technicians/100/availability").param("from", next).param("to", day).with(st.as("VIEWER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		mvc.perform(get("/api/v2/appointments").param("technicianId", "101")
			.param("from", st.tomorrow.toString()).param("to", st.tomorrow.plus(Duration.ofDays(1)).toString())
			.with(st.as("VIEWER"))).andExpect(jsonPath("$.items[0].id").value(20));
	}

	@Test
	void keepsTheNewestModifiedOnAndIgnoresReDeliveries() throws Exception {

		st.publishAll();
		until(() -> jobTechnicians() == 1);
		st.publish(Events.CUSTOMER_FETCHED, 7, st.customer("Jane Newer", st.now.plusSeconds(60)));
		st.publish(Events.CUSTOMER_FETCHED, 7, st.customer("Jane Older", st.now.plusSeconds(30)));
		var eventId = UUID.randomUUID();
		var hold = new StRecordFetched<>(st.tenant, UUID.randomUUID(), SyncType.INCREMENTAL, st.now,
				st.job("Hold", st.now.plusSeconds(60)));
		st.send(eventId, Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), st.tenant + ":10", hold);
		st.send(eventId, Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), st.tenant + ":10", hold);
		until(() -> "Hold".equals(field("/api/v2/jobs/10", "job", "jobStatus")));

		assertThat(field("/api/v2/customers/7", "customer", "name")).isEqualTo("Jane Newer");
		var statusChanges = changed.await(r -> r.key().equals(st.tenant + ":10")
				&& Events.FIELD_JOB_STATUS_CHANGED.name().equals(FieldFixtures.type(r)), Duration.ofSeconds(10));
		assertThat(statusChanges).hasSize(1);
		var payload = json.readTree(statusChanges.getFirst().value());
		assertThat(payload.path("previousStatus").asText()).isEqualTo("Scheduled");
		assertThat(payload.path("jobStatus").asText()).isEqualTo("Hold");
		assertThat(payload.path("technicianIds").get(0).asLong()).isEqualTo(101);
	}

	@Test
	void announcesAnAssignmentChangeOfAJob() throws Exception {

		st.publishAll();
		until(() -> jobTechnicians() == 1);
		st.publish(Events.APPOINTMENT_ASSIGNMENT_FETCHED, 301, st.assignment(301, 100, true, st.now.plusSeconds(5)));
		until(() -> jobTechnicians() == 2);

		var assigned = changed.await(r -> r.key().equals(st.tenant + ":10")
				&& Events.FIELD_JOB_ASSIGNED.name().equals(FieldFixtures.type(r))
				&& json.readTree(r.value()).path("technicianIds").size() == 2, Duration.ofSeconds(10));
		assertThat(assigned).isNotEmpty();
	}

	@Test
	void answersAnotherTenantsIdsWithNotFound() throws Exception {

		st.publishAll();
		until(() -> jobTechnicians() == 1);
		var other = new FieldFixtures(null, json);

		mvc.perform(get("/api/v2/customers/7").with(other.as("OWNER"))).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/not-found"));
		mvc.perform(get("/api/v2/jobs/10").with(other.as("OWNER"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v2/technicians/100").with(other.as("OWNER"))).andExpect(status().isNotFound());
	}

	private int jobTechnicians() throws Exception {

		var answer = mvc.perform(get("/api/v2/jobs/10").with(st.as("VIEWER"))).andReturn().getResponse();
		return answer.getStatus() == 200 ? json.readTree(answer.getContentAsString()).path("job").path("technicianIds").size()
				: -1;
	}

	private String field(String path, String object, String name) throws Exception {
		return json.readTree(mvc.perform(get(path).with(st.as("VIEWER"))).andReturn().getResponse().getContentAsString())
			.path(object)
			.path(name)
			.asText();
	}
}
