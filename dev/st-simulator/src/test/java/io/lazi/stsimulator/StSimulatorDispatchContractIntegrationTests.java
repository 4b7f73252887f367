package io.lazi.stsimulator;

import java.util.Map;

import com.atlassian.oai.validator.model.Request;
import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.ISOLATION_TENANT;
import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the simulator's field-crew answers — technicians (settings), teams, zones, technician shifts,
 * appointment assignments and the assign/unassign writes (dispatch) — and the requests these tests send validate
 * against ServiceTitan's exports ({@code settings-v2.json}, {@code dispatch-v2.json}), refusals included.
 */
@Unthrottled
class StSimulatorDispatchContractIntegrationTests extends ApiContractTest {

	private static final String SETTINGS = "/settings/v2";

	private static final String DISPATCH = "/dispatch/v2";

	@Test
	void answersTheTechnicianListItsFiltersAndATechnicianPerSpec() {

		var all = client.read(get(200, REFERENCE_TENANT, SETTINGS, "/technicians", paged()));
		assertThat(all.get("totalCount").asInt()).isEqualTo(19);
		var active = client.read(get(200, REFERENCE_TENANT, SETTINGS, "/technicians", Map.of("includeTotal", "true")));
		assertThat(active.get("totalCount").asInt()).isEqualTo(18);
		var byIds = client.read(get(200, REFERENCE_TENANT, SETTINGS, "/technicians",
				Map.of("ids", "30000001,30000019", "active", "Any", "name", "a")));
		assertThat(byIds.get("data").valueStream().map(t -> t.get("id").asLong())).containsExactly(30000001L, 30000019L);
		var byUser = client.read(get(200, REFERENCE_TENANT, SETTINGS, "/technicians",
				Map.of("userIds", "30100003", "modifiedOnOrAfter", "2000-01-01T00:00:00Z", "page", "1", "pageSize", "10")));
		assertThat(byUser.get("data")).singleElement().satisfies(t -> assertThat(t.get("team").asString()).isEqualTo("Pool Crew"));

		var one = client.read(get(200, REFERENCE_TENANT, SETTINGS, "/technicians/30000016", Map.of()));
		assertThat(one.get("businessUnitId").asLong()).isEqualTo(5006L);
		get(404, REFERENCE_TENANT, SETTINGS, "/technicians/1", Map.of());
		get(400, REFERENCE_TENANT, SETTINGS, "/technicians", Map.of("pageSize", "5001"));
		var none = client.read(get(200, ISOLATION_TENANT, SETTINGS, "/technicians", paged()));
		assertThat(none.get("data")).isEmpty();
	}

	@Test
	void answersTheTeamAndZoneListsPerSpec() {

		var teams = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/teams", Map.of("includeTotal", "true")));
		assertThat(teams.get("data").valueStream().map(t -> t.get("name").asString()))
			.containsExactly("Pool Crew", "Electrical Crew", "Install Crew");
		var withInactive = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/teams",
				Map.of("includeInactive", "true", "includeTotal", "true", "createdBefore", "2099-01-01T00:00:00Z")));
		assertThat(withInactive.get("totalCount").asInt()).isEqualTo(4);

		var zones = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/zones", paged()));
		assertThat(zones.get("data")).hasSize(4).allSatisfy(zone -> {
			assertThat(zone.get("zips")).isNotEmpty();
			assertThat(zone.get("technicians")).isNotEmpty();
			assertThat(zone.get("businessUnits")).isNotEmpty();
		});
		get(400, REFERENCE_TENANT, DISPATCH, "/zones", Map.of("page", "0"));
	}

	@Test
	void answersTheTechnicianShiftListAndItsFiltersPerSpec() {

		var all = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/technician-shifts", paged()));
		assertThat(all.get("totalCount").asInt()).isGreaterThan(18 * 15);
		var timeOff = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/technician-shifts",
				Map.of("shiftType", "TimeOff", "noteContains", "trip", "titleContains", "vaca")));
		assertThat(timeOff.get("data")).singleElement()
			.satisfies(shift -> assertThat(shift.get("technicianId").asLong()).isEqualTo(30000003L));
		var ofOne = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/technician-shifts",
				Map.of("technicianId", "30000001", "startsOnOrAfter", "2000-01-01T00:00:00Z", "endsOnOrBefore",
						"2099-01-01T00:00:00Z", "includeTotal", "true", "pageSize", "5")));
		assertThat(ofOne.get("data")).hasSize(5);
		assertThat(ofOne.get("hasMore").asBoolean()).isTrue();
		get(400, REFERENCE_TENANT, DISPATCH, "/technician-shifts", Map.of("pageSize", "0"));
	}

	@Test
	void answersTheAppointmentAssignmentListAndItsFiltersPerSpec() {

		var all = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/appointment-assignments", paged()));
		assertThat(all.get("totalCount").asInt()).isEqualTo(38);
		var ofAppointments = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/appointment-assignments",
				Map.of("appointmentIds", "82000017,82000018", "includeTotal", "true")));
		assertThat(ofAppointments.get("totalCount").asInt()).isEqualTo(2);
		var ofJob = client.read(get(200, REFERENCE_TENANT, DISPATCH, "/appointment-assignments",
				Map.of("jobId", "80000017", "ids", ofAppointments.get("data").get(0).get("id").asString())));
		assertThat(ofJob.get("data")).singleElement()
			.satisfies(assignment -> assertThat(assignment.get("appointmentId").asLong()).isEqualTo(82000017L));
	}

	@Test
	void answersAssignAndUnassignAndTheirRefusalsPerSpec() {

		var assigned = client.read(exchange(200, REFERENCE_TENANT, DISPATCH, Request.Method.POST,
				"/appointment-assignments/assign-technicians", """
						{"jobAppointmentId": 82000017, "technicianIds": [30000004, 30000005]}"""));
		assertThat(assigned.get("id").asLong()).isEqualTo(82000017L);
		exchange(200, REFERENCE_TENANT, DISPATCH, Request.Method.POST, "/appointment-assignments/unassign-technicians", """
				{"jobAppointmentId": 82000017, "technicianIds": [30000005]}""");

		exchange(400, REFERENCE_TENANT, DISPATCH, Request.Method.POST, "/appointment-assignments/assign-technicians", """
				{"jobAppointmentId": 82000017, "technicianIds": [1]}""");
		exchange(400, REFERENCE_TENANT, DISPATCH, Request.Method.POST, "/appointment-assignments/assign-technicians", """
				{"jobAppointmentId": 1, "technicianIds": [30000004]}""");
		exchange(400, REFERENCE_TENANT, DISPATCH, Request.Method.POST, "/appointment-assignments/unassign-technicians", """
				{"technicianIds": "30000004"}""", true);

		exchange(200, REFERENCE_TENANT, DISPATCH, Request.Method.POST,
				"/appointment-assignments/unassign-technicians", """
						{"jobAppointmentId": 82000017, "technicianIds": [30000004]}""");
		client.call(REFERENCE_TENANT, "PUT", "/jpm/v2/tenant/%d/jobs/80000017/cancel".formatted(REFERENCE_TENANT),
				"{\"reasonId\": 84000001, \"memo\": \"\"}");
		exchange(409, REFERENCE_TENANT, DISPATCH, Request.Method.POST, "/appointment-assignments/assign-technicians", """
				{"jobAppointmentId": 82000017, "technicianIds": [30000004]}""");
	}
}
