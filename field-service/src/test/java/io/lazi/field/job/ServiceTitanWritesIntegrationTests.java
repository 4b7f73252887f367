package io.lazi.field.job;

import static io.lazi.field.FieldFixtures.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.lazi.field.FieldFixtures;
import io.lazi.field.FieldIntegrationTest;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes under the {@code servicetitan} provider: each becomes one {@code FieldCommand} on {@code st.commands},
 * answered 202 with the command; nothing the API serves changes until st-ingest's answer brings ServiceTitan's
 * records; and the permissions of the access table hold on the service's own port.
 */
@FieldIntegrationTest
class ServiceTitanWritesIntegrationTests {

	private final MockMvc mvc;

	private final JsonMapper json;

	private final FieldFixtures st;

	private final KafkaTestConsumer commands = new KafkaTestConsumer(Topics.ST_COMMANDS);

	private final KafkaTestConsumer changed = new KafkaTestConsumer(Topics.FIELD_CHANGED);

	@Autowired
	ServiceTitanWritesIntegrationTests(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
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
	void assignsATechnicianInServiceTitanAndShowsItOnlyOnceServiceTitanAnswered() throws Exception {

		st.publishAll();
		until(() -> technicians().size() == 1);

		var accepted = json.readTree(mvc.perform(post("/api/v2/jobs/10/technicians").with(st.as("dispatcher-1", "DISPATCHER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"technicianIds\":[100]}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.outcome").value("sent"))
			.andExpect(jsonPath("$.command.status").value("PENDING"))
			.andExpect(jsonPath("$.command.action").value("ASSIGN_TECHNICIANS"))
			.andReturn().getResponse().getContentAsString());
		var commandId = UUID.fromString(accepted.path("command").path("commandId").asText());

		var sent = commands.await(r -> r.key().equals(st.tenant + ":10"), Duration.ofSeconds(10));
		assertThat(sent).hasSize(1);
		assertThat(schema("field-command.schema.json").validate(json.readTree(sent.getFirst().value()).toString(),
				com.networknt.schema.InputFormat.JSON)).isEmpty();
		var command = json.readValue(sent.getFirst().value(), FieldCommand.class);
		assertThat(command.commandId()).isEqualTo(commandId);
		assertThat(command.write().appointmentId()).isEqualTo(20L);
		assertThat(command.write().technicianIds()).containsExactly(100L);
		assertThat(command.requestedBy()).isEqualTo("dispatcher-1");
		assertThat(technicians()).containsExactly(101L);

		var later = st.now.plusSeconds(30);
		st.answer(new FieldCommandCompleted(commandId, st.tenant, FieldAction.ASSIGN_TECHNICIANS, 10, null,
				CommandOutcome.SUCCEEDED, 200, null, null, st.job("Scheduled", later), null,
				List.of(st.assignment(300, 101, true, st.now), st.assignment(301, 100, true, later)), null, 2, 0, 80,
				Instant.now()));
		until(() -> technicians().size() == 2);
		mvc.perform(get("/api/v2/commands/{id}", commandId).with(st.as("VIEWER")))
			.andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.stStatus").value(200));

		// Browsers hear of the outcome after the change it brought, on the job's partition.
		var ofJob = changed.await(r -> r.key().equals(st.tenant + ":10") && FieldFixtures.type(r).equals("io.lazi.field.command.completed.v1"),
				Duration.ofSeconds(10))
			.getFirst();
		var assigned = changed.records().stream()
			.filter(r -> r.key().equals(st.tenant + ":10") && FieldFixtures.type(r).equals("io.lazi.field.job.assigned.v1"))
			.filter(r -> json.readTree(r.value()).path("technicianIds").size() == 2)
			.findFirst()
			.orElseThrow();
		assertThat(assigned.partition()).isEqualTo(ofJob.partition());
		assertThat(assigned.offset()).isLessThan(ofJob.offset());
		assertThat(json.readTree(ofJob.value()).path("commandId").asText()).isEqualTo(commandId.toString());
	}

	@Test
	void sendsCancelHoldRescheduleAndCustomerWritesAsCommandsAndRefusesWhatServiceTitanCannotTake() throws Exception {

		st.publishAll();
		until(() -> technicians().size() == 1);
		var manager = st.as("MANAGER");

		mvc.perform(post("/api/v2/jobs/10/cancel").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"memo\":\"no reason\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reasonId"));
		mvc.perform(post("/api/v2/jobs/10/cancel").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reasonId\":2,\"memo\":\"wrong list\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reasonId"));
		mvc.perform(put("/api/v2/jobs/10/status").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"Dispatched\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		mvc.perform(post("/api/v2/jobs").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"customerId\":7}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v2/jobs/10/cancel").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reasonId\":1,\"memo\":\"Customer moved\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.command.action").value("CANCEL_JOB"));
		mvc.perform(patch("/api/v2/appointments/20/reschedule").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + st.tomorrow.plusSeconds(7200) + "\",\"end\":\"" + st.tomorrow.plusSeconds(3600) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("end"));
		mvc.perform(patch("/api/v2/appointments/20/reschedule").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + st.tomorrow.plusSeconds(3600) + "\",\"end\":\"" + st.tomorrow.plusSeconds(7200) + "\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.command.action").value("RESCHEDULE_APPOINTMENT"));
		mvc.perform(patch("/api/v2/customers/7").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Jane Q. Pool\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.command.action").value("UPDATE_CUSTOMER"));
		mvc.perform(post("/api/v2/customers").with(manager).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"New Home\",\"type\":\"Residential\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.command.action").value("CREATE_CUSTOMER"))
			.andExpect(jsonPath("$.command.stId").value(org.hamcrest.Matchers.lessThan(0L)));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v2/customers/7")
			.with(manager)).andExpect(status().isConflict());

		until(() -> st.mine(commands.drain(Duration.ofMillis(200))).size() >= 4);
		assertThat(st.mine(commands.records()).stream().map(r -> json.readTree(r.value()).path("action").asText()))
			.containsExactlyInAnyOrder("CANCEL_JOB", "RESCHEDULE_APPOINTMENT", "UPDATE_CUSTOMER", "CREATE_CUSTOMER");
		assertThat(json.readTree(mvc.perform(get("/api/v2/jobs/10").with(st.as("VIEWER"))).andReturn().getResponse()
			.getContentAsString()).path("job").path("jobStatus").asText()).isEqualTo("Scheduled");
	}

	@Test
	void refusesWritesToRolesWithoutThePermissionAndBadTechnicians() throws Exception {

		st.publishAll();
		until(() -> technicians().size() == 1);

		mvc.perform(post("/api/v2/jobs/10/technicians").with(st.as("TECHNICIAN")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"technicianIds\":[100]}")).andExpect(status().isForbidden());
		mvc.perform(patch("/api/v2/customers/7").with(st.as("VIEWER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v2/jobs/10/technicians").with(st.as("DISPATCHER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"technicianIds\":[102]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("technicianIds"));
		mvc.perform(post("/api/v2/jobs/10/technicians").with(st.as("DISPATCHER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"technicianIds\":[100],\"appointmentId\":99}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("appointmentId"));
		mvc.perform(post("/api/v2/jobs/999/technicians").with(st.as("DISPATCHER")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"technicianIds\":[100]}")).andExpect(status().isNotFound());

		assertThat(st.mine(commands.drain(Duration.ofSeconds(2)))).isEmpty();
	}

	private List<Long> technicians() throws Exception {

		var answer = mvc.perform(get("/api/v2/jobs/10").with(st.as("VIEWER"))).andReturn().getResponse();
		if (answer.getStatus() != 200) {
			return List.of();
		}
		var ids = new java.util.ArrayList<Long>();
		json.readTree(answer.getContentAsString()).path("job").path("technicianIds").forEach(id -> ids.add(id.asLong()));
		return ids;
	}

	static com.networknt.schema.JsonSchema schema(String file) {

		var dir = Path.of("..", "docs", "events").toAbsolutePath().normalize();
		var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.schemaMappers(m -> m.mapPrefix("https://lazi.io/schemas/", dir.toUri().toString())));
		return factory.getSchema(SchemaLocation.of("https://lazi.io/schemas/" + file),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
	}
}
