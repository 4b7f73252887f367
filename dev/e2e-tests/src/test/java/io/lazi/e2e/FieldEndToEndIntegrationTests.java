package io.lazi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The domain API v2 across real processes: ServiceTitan's customers, jobs and crew pulled by st-ingest into
 * field-service, read through the gateway; a technician assigned through the gateway goes out on
 * {@code st.commands}, reaches the simulated ServiceTitan, and comes back to the job and the browser; a provider
 * switch to {@code lazi} keeps every record and takes writes locally.
 */
class FieldEndToEndIntegrationTests extends EndToEndTest {

	static Simulator simulator;

	static String admin;

	static String dispatcher;

	@BeforeAll
	static void pulledCrew() {

		simulator = new Simulator(platform.simulatorUrl());
		admin = token(TENANT, "ADMIN");
		dispatcher = token(TENANT, "DISPATCHER");
		if (gateway.get("/api/v2/technicians?size=1", admin, TENANT).json().path("totalItems").asInt() == 0) {
			assertThat(gateway.post("/api/sync/crm/full", admin, TENANT).status()).isIn(202, 409);
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
				.until(() -> gateway.get("/api/sync/crm/status", admin, TENANT).json().path("running").isNull()
						&& gateway.get("/api/sync/dispatch/status", admin, TENANT).json().path("running").isNull()
						&& gateway.get("/api/v2/technicians?size=1", admin, TENANT).json().path("totalItems").asInt() > 0);
		}
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> assignedAppointment() != null);
	}

	@Test
	void listsACustomersJobsAndAssignsATechnicianThatServiceTitanThenHolds() throws Exception {

		var appointment = assignedAppointment();
		var jobId = appointment.path("jobId").asLong();
		var customerId = appointment.path("customerId").asLong();
		var jobs = gateway.get("/api/v2/customers/" + customerId + "/jobs", dispatcher, TENANT);
		assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
		assertThat(ids(jobs.json().path("items"))).contains(jobId);
		assertThat(gateway.get("/api/v2/customers/" + customerId, dispatcher, TENANT).json().path("customer").path("name")
			.asString()).isNotBlank();
		var technician = freeTechnician(appointment);

		try (var socket = new BrowserSocket(platform.wsUrl(), dispatcher, TENANT)) {
			// Only a subscribed session is sent the tenant's events.
			socket.await("subscribed", m -> true, Duration.ofSeconds(10));
			var sent = gateway.post("/api/v2/jobs/" + jobId + "/technicians", dispatcher, TENANT,
					"{\"technicianIds\":[" + technician + "],\"appointmentId\":" + appointment.path("id").asLong() + "}");
			assertThat(sent.status()).as(sent.body()).isEqualTo(202);
			var commandId = sent.json().path("command").path("commandId").asString();
			var completed = socket.await("field:command-completed",
					m -> m.path("data").path("commandId").asString().equals(commandId), Duration.ofSeconds(30));
			assertThat(completed.path("data").path("outcome").asString()).isEqualTo("SUCCEEDED");
			socket.await("jobs:assigned", m -> m.path("data").path("jobId").asLong() == jobId
					&& ids(m.path("data").path("technicianIds")).contains(technician), Duration.ofSeconds(10));
		}
		var held = simulator.get(TENANT, "/dispatch/v2/tenant/" + TENANT + "/appointment-assignments?appointmentIds="
				+ appointment.path("id").asLong() + "&active=True");
		assertThat(ids(held.path("data"), "technicianId")).contains(technician);
		assertThat(ids(gateway.get("/api/v2/jobs/" + jobId, dispatcher, TENANT).json().path("job").path("technicianIds")))
			.contains(technician);

		var undone = gateway.delete("/api/v2/jobs/" + jobId + "/technicians?technicianIds=" + technician + "&appointmentId="
				+ appointment.path("id").asLong(), dispatcher, TENANT);
		assertThat(undone.status()).as(undone.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30)).until(() -> !ids(gateway.get("/api/v2/jobs/" + jobId, dispatcher, TENANT)
			.json().path("job").path("technicianIds")).contains(technician));
	}

	@Test
	void switchingJobsToLaziKeepsEveryJobAndTakesAssignmentsLocally() {

		var owner = token(TENANT, "OWNER");
		var appointment = assignedAppointment();
		var jobId = appointment.path("jobId").asLong();
		var before = gateway.get("/api/v2/jobs/" + jobId, dispatcher, TENANT).json();
		var total = gateway.get("/api/v2/jobs?size=1", dispatcher, TENANT).json().path("totalItems").asInt();
		try {
			var switched = gateway.put("/api/v2/providers", owner, TENANT, "{\"jobs\":\"lazi\"}");
			assertThat(switched.status()).as(switched.body()).isEqualTo(200);
			assertThat(gateway.get("/api/v2/jobs?size=1", dispatcher, TENANT).json().path("totalItems").asInt()).isEqualTo(total);
			var after = gateway.get("/api/v2/jobs/" + jobId, dispatcher, TENANT).json();
			assertThat(after.path("job").path("source").asString()).isEqualTo("lazi");
			assertThat(after.path("job").path("technicianIds")).isEqualTo(before.path("job").path("technicianIds"));

			var technician = freeTechnician(appointment);
			var local = gateway.post("/api/v2/jobs/" + jobId + "/technicians", dispatcher, TENANT,
					"{\"technicianIds\":[" + technician + "],\"appointmentId\":" + appointment.path("id").asLong() + "}");
			assertThat(local.status()).as(local.body()).isEqualTo(200);
			assertThat(ids(local.json().path("record").path("job").path("technicianIds"))).contains(technician);
			var inServiceTitan = simulator.get(TENANT, "/dispatch/v2/tenant/" + TENANT
					+ "/appointment-assignments?appointmentIds=" + appointment.path("id").asLong() + "&active=True");
			assertThat(ids(inServiceTitan.path("data"), "technicianId")).doesNotContain(technician);
		}
		finally {
			assertThat(gateway.put("/api/v2/providers", owner, TENANT, "{\"jobs\":\"servicetitan\"}").status()).isEqualTo(200);
		}
		assertThat(gateway.get("/api/v2/jobs/" + jobId, dispatcher, TENANT).json().path("job").path("source").asString())
			.isEqualTo("servicetitan");
	}

	/** An active appointment of the reference tenant with a technician assigned in ServiceTitan. */
	private static JsonNode assignedAppointment() {

		for (var appointment : gateway.get("/api/v2/appointments?size=100", admin, TENANT).json().path("items")) {
			if (appointment.path("active").asBoolean() && !appointment.path("technicianIds").isEmpty()) {
				return appointment;
			}
		}
		return null;
	}

	private static long freeTechnician(JsonNode appointment) {

		var assigned = ids(appointment.path("technicianIds"));
		for (var technician : gateway.get("/api/v2/technicians?active=true&size=100", admin, TENANT).json().path("items")) {
			if (!assigned.contains(technician.path("id").asLong())) {
				return technician.path("id").asLong();
			}
		}
		throw new IllegalStateException("Every active technician is assigned to appointment " + appointment.path("id"));
	}

	private static List<Long> ids(JsonNode array) {
		var ids = new ArrayList<Long>();
		array.forEach(node -> ids.add(node.isNumber() ? node.asLong() : node.path("id").asLong()));
		return ids;
	}

	private static List<Long> ids(JsonNode array, String field) {
		var ids = new ArrayList<Long>();
		array.forEach(node -> ids.add(node.path(field).asLong()));
		return ids;
	}
}
