package io.lazi.stsimulator;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Technician assignment as a dispatching client sees it: the seeded crew covers every appointment, assigning and
 * unassigning show in the assignment list and an incremental pull of it, repeating an assign changes nothing, and a
 * refused call changes nothing.
 */
@Unthrottled
class AppointmentAssignmentsIntegrationTests extends SimulatorIntegrationTest {

	private static final String DISPATCH = "/dispatch/v2/tenant/%d".formatted(REFERENCE_TENANT);

	private static final String ASSIGNMENTS = DISPATCH + "/appointment-assignments";

	@Test
	void assignsEverySeededAppointmentATechnicianOfItsJobsBusinessUnit() {

		var technicians = client.read(client.get(REFERENCE_TENANT, "/settings/v2/tenant/%d/technicians".formatted(REFERENCE_TENANT),
				Map.of("active", "Any", "pageSize", "100")));
		var unitOf = new HashMap<Long, Long>();
		technicians.get("data").forEach(t -> unitOf.put(t.get("id").asLong(), t.get("businessUnitId").asLong()));
		var jobs = client.read(client.get(REFERENCE_TENANT, "/jpm/v2/tenant/%d/jobs".formatted(REFERENCE_TENANT),
				Map.of("pageSize", "5000")));
		var jobUnit = new HashMap<Long, Long>();
		jobs.get("data").forEach(j -> jobUnit.put(j.get("id").asLong(), j.get("businessUnitId").asLong()));

		var assignments = list(Map.of("pageSize", "100")).get("data");
		assertThat(assignments).hasSize(38).allSatisfy(assignment -> {
			assertThat(assignment.get("active").asBoolean()).isTrue();
			assertThat(unitOf.get(assignment.get("technicianId").asLong()))
				.isEqualTo(jobUnit.get(assignment.get("jobId").asLong()));
		});
		assertThat(assignments.valueStream().map(a -> a.get("appointmentId").asLong()).distinct()).hasSize(38);
	}

	@Test
	void assignsUnassignsAndReassignsAsTheListAndIncrementalPullsShow() {

		var since = Instant.now();
		var assigned = assign("assign-technicians", 82000022L, List.of(30000001L, 30000002L));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		assertThat(client.read(assigned).get("id").asLong()).isEqualTo(82000022L);

		var ofAppointment = list(Map.of("appointmentIds", "82000022")).get("data");
		assertThat(ofAppointment.valueStream().map(a -> a.get("technicianId").asLong())).as("the seeded one and the two")
			.hasSize(3).contains(30000001L, 30000002L);
		var changed = list(Map.of("modifiedOnOrAfter", since.toString())).get("data");
		assertThat(changed.valueStream().map(a -> a.get("technicianId").asLong())).containsExactlyInAnyOrder(30000001L, 30000002L);
		var first = changed.valueStream().filter(a -> a.get("technicianId").asLong() == 30000001L).findFirst().orElseThrow();
		assertThat(first.get("technicianName").asString()).isEqualTo("Marco Ruiz");
		assertThat(first.get("jobId").asLong()).isEqualTo(80000022L);

		assertThat(assign("assign-technicians", 82000022L, List.of(30000001L)).statusCode()).isEqualTo(200);
		assertThat(list(Map.of("appointmentIds", "82000022")).get("data")).as("assigned already: nothing changes")
			.isEqualTo(ofAppointment);

		var beforeUnassign = Instant.now();
		assertThat(assign("unassign-technicians", 82000022L, List.of(30000001L, 30000003L)).statusCode()).isEqualTo(200);
		assertThat(list(Map.of("appointmentIds", "82000022")).get("data").valueStream()
			.map(a -> a.get("technicianId").asLong())).doesNotContain(30000001L).hasSize(2);
		var inactive = list(Map.of("appointmentIds", "82000022", "active", "False")).get("data");
		assertThat(inactive).singleElement().satisfies(a -> {
			assertThat(a.get("id")).isEqualTo(first.get("id"));
			assertThat(Instant.parse(a.get("modifiedOn").asString())).isAfterOrEqualTo(beforeUnassign);
		});

		assertThat(assign("assign-technicians", 82000022L, List.of(30000001L)).statusCode()).isEqualTo(200);
		assertThat(list(Map.of("ids", first.get("id").asString())).get("data")).singleElement()
			.satisfies(a -> assertThat(a.get("active").asBoolean()).as("reactivated under its id").isTrue());
		var writes = client.read(client.admin("GET", "/admin/stats/writes/%d/all".formatted(REFERENCE_TENANT), null));
		assertThat(writes.get("appointments/82000022").asLong()).isEqualTo(4);
	}

	@Test
	void refusesUnknownTechniciansAndAppointmentsAndCanceledAppointmentsChangingNothing() {

		var before = list(Map.of("active", "Any", "pageSize", "100"));
		var unknownTechnician = assign("assign-technicians", 82000023L, List.of(30000005L, 99L));
		var inactiveTechnician = assign("assign-technicians", 82000023L, List.of(30000019L));
		var unknownAppointment = assign("assign-technicians", 1L, List.of(30000005L));
		var unassignUnknown = assign("unassign-technicians", 82000023L, List.of(99L));
		var none = client.call(REFERENCE_TENANT, "POST", ASSIGNMENTS + "/assign-technicians",
				"{\"jobAppointmentId\": 82000023, \"technicianIds\": []}");
		client.call(REFERENCE_TENANT, "PUT", "/jpm/v2/tenant/%d/jobs/80000023/cancel".formatted(REFERENCE_TENANT),
				"{\"reasonId\": 84000003, \"memo\": \"\"}");
		var canceled = assign("assign-technicians", 82000023L, List.of(30000005L));

		assertThat(errorsOf(unknownTechnician)).containsExactly("technicianIds");
		assertThat(errorsOf(inactiveTechnician)).containsExactly("technicianIds");
		assertThat(errorsOf(unknownAppointment)).containsExactly("jobAppointmentId");
		assertThat(errorsOf(unassignUnknown)).containsExactly("technicianIds");
		assertThat(errorsOf(none)).containsExactly("technicianIds");
		assertThat(canceled.statusCode()).isEqualTo(409);
		assertThat(list(Map.of("active", "Any", "pageSize", "100"))).isEqualTo(before);
	}

	@Test
	void keepsTheCrewButDropsAssignmentsWhenTheTenantGetsASyntheticCrm() {

		client.admin("POST", "/admin/tenants/%d/synthetic-crm".formatted(REFERENCE_TENANT), "{\"customers\": 50, \"seed\": 1}");
		var crew = client.read(client.admin("GET", "/admin/tenants/%d/crew".formatted(REFERENCE_TENANT), null));

		assertThat(crew.get("technicians")).hasSize(19);
		assertThat(crew.get("assignments")).isEmpty();
		assertThat(list(Map.of()).get("data")).isEmpty();
		client.admin("POST", "/admin/crm/reset", null);
		assertThat(list(Map.of("includeTotal", "true")).get("totalCount").asInt()).isEqualTo(38);
	}

	private HttpResponse<String> assign(String action, long appointmentId, List<Long> technicianIds) {
		return client.call(REFERENCE_TENANT, "POST", ASSIGNMENTS + "/" + action,
				"{\"jobAppointmentId\": %d, \"technicianIds\": %s}".formatted(appointmentId, technicianIds));
	}

	private JsonNode list(Map<String, String> query) {
		return client.read(client.get(REFERENCE_TENANT, ASSIGNMENTS, query));
	}

	private Collection<String> errorsOf(HttpResponse<String> response) {

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return client.read(response).get("errors").propertyNames();
	}
}
