package io.lazi.stsimulator.dispatch;

import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.crm.TenantCrm;
import io.lazi.stsimulator.crm.seed.CrmReferenceTenant;
import io.lazi.stsimulator.dispatch.seed.CrewReferenceTenant;
import io.lazi.stsimulator.errors.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentWritesUnitTests {

	private static final Instant SEEDED = Instant.parse("2026-11-21T12:00:00Z");

	private static final Instant NOW = SEEDED.plusSeconds(600);

	private final TenantCrm crm = CrmReferenceTenant.generate(SEEDED);

	private final TenantCrew crew = CrewReferenceTenant.generate(SEEDED, crm);

	@Test
	void createsReactivatesAndLeavesAloneAsTheTechniciansStandWith() {

		var assigned = crew.assignments().stream().filter(a -> a.appointmentId() == 82_000_017L).findFirst().orElseThrow();
		var request = new AssignmentWrites.Request(82_000_017L, List.of(assigned.technicianId(), 30_000_001L, 30_000_001L));

		var written = AssignmentWrites.assign(crew, crm, request, NOW);

		assertThat(written.appointment().id()).isEqualTo(82_000_017L);
		assertThat(written.crew().assignments()).hasSize(39);
		assertThat(written.crew().assignment(82_000_017L, assigned.technicianId())).contains(assigned);
		assertThat(written.crew().assignment(82_000_017L, 30_000_001L).orElseThrow().createdOn()).isEqualTo(NOW);

		var unassigned = AssignmentWrites.unassign(written.crew(), crm, request, NOW.plusSeconds(1));
		assertThat(unassigned.crew().assignments().stream().filter(AppointmentAssignment::active)).hasSize(37);
		var reassigned = AssignmentWrites.assign(unassigned.crew(), crm, request, NOW.plusSeconds(2));
		assertThat(reassigned.crew().assignments()).hasSize(39).allMatch(AppointmentAssignment::active);
		assertThat(AssignmentWrites.assign(reassigned.crew(), crm, request, NOW.plusSeconds(3)).crew())
			.isSameAs(reassigned.crew());
	}

	@Test
	void refusesUnknownIdsAndInactiveTechniciansWhenAssigning() {

		assertThatThrownBy(() -> AssignmentWrites.assign(crew, crm, new AssignmentWrites.Request(1L, List.of(5L)), NOW))
			.isInstanceOfSatisfying(ApiException.class,
					ex -> assertThat(ex.toResponse().errors()).containsOnlyKeys("jobAppointmentId", "technicianIds"));
		assertThatThrownBy(() -> AssignmentWrites.assign(crew, crm,
				new AssignmentWrites.Request(82_000_017L, List.of(30_000_019L)), NOW)).isInstanceOf(ApiException.class);
		assertThat(AssignmentWrites.unassign(crew, crm, new AssignmentWrites.Request(82_000_017L, List.of(30_000_019L)), NOW)
			.crew()).as("an inactive technician may be unassigned; here there is nothing to undo").isSameAs(crew);
	}
}
