package io.lazi.stsimulator.dispatch.seed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.lazi.stsimulator.crm.TenantCrm;
import io.lazi.stsimulator.crm.seed.CrmReferenceTenant;
import io.lazi.stsimulator.dispatch.AppointmentAssignment;
import io.lazi.stsimulator.dispatch.Team;
import io.lazi.stsimulator.dispatch.Technician;
import io.lazi.stsimulator.dispatch.TechnicianShift;
import io.lazi.stsimulator.dispatch.TenantCrew;
import io.lazi.stsimulator.dispatch.Zone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CrewReferenceTenantUnitTests {

	/** A Saturday: the shift range from the 14th to December 5th holds 15 weekdays. */
	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private final TenantCrm crm = CrmReferenceTenant.generate(NOW);

	private final TenantCrew crew = CrewReferenceTenant.generate(NOW, crm);

	@Test
	void givesEachBusinessUnitItsDocumentedCrewAndOneTechnicianLeft() {

		var active = crew.technicians().stream().filter(Technician::active)
			.collect(Collectors.groupingBy(Technician::businessUnitId, Collectors.counting()));
		assertThat(active).containsExactlyInAnyOrderEntriesOf(
				Map.of(5001L, 2L, 5002L, 4L, 5003L, 3L, 5004L, 2L, 5005L, 4L, 5006L, 3L));
		assertThat(crew.technicians()).hasSize(CrewReferenceTenant.TECHNICIANS);
		assertThat(crew.technicians().stream().filter(technician -> !technician.active())).singleElement()
			.satisfies(technician -> assertThat(technician.businessUnitId()).isEqualTo(5002L));
		assertThat(crew.technicians()).allSatisfy(technician -> {
			assertThat(technician.email()).matches("[a-z]+\\.[a-z]+@poolandpower\\.example");
			assertThat(technician.phoneNumber()).matches("\\d{10}");
			assertThat(technician.name()).isEqualTo(technician.firstName() + " " + technician.lastName());
			assertThat(technician.modifiedOn()).isBeforeOrEqualTo(NOW);
		});
		assertThat(crew.technicians().stream().map(Technician::name).distinct()).hasSize(19);
	}

	@Test
	void namesEachTechniciansTeamByItsUnitsTradeOrInstallWork() {

		assertThat(crew.teams()).extracting(Team::name, Team::active).containsExactly(tuple("Pool Crew", true),
				tuple("Electrical Crew", true), tuple("Install Crew", true), tuple("Warranty Crew", false));
		var expected = Map.of(5001L, "Pool Crew", 5002L, "Pool Crew", 5003L, "Install Crew", 5004L, "Electrical Crew",
				5005L, "Electrical Crew", 5006L, "Install Crew");
		assertThat(crew.technicians()).allSatisfy(
				technician -> assertThat(technician.team()).isEqualTo(expected.get(technician.businessUnitId())));
	}

	@Test
	void coversTheCustomersCitiesWithFourZonesWorkedByTheirTechnicians() {

		var zoneIds = crew.zones().stream().map(Zone::id).collect(Collectors.toSet());
		assertThat(crew.zones()).hasSize(4).allSatisfy(zone -> {
			assertThat(zone.active()).isTrue();
			var working = crew.technicians().stream().filter(Technician::active)
				.filter(technician -> technician.zoneIds().contains(zone.id())).map(Technician::id).toList();
			assertThat(zone.technicians()).isNotEmpty().isEqualTo(working);
			assertThat(zone.businessUnits()).isNotEmpty();
			var zips = crm.customers().stream().filter(customer -> zone.cities().contains(customer.address().city()))
				.map(customer -> customer.address().zip()).collect(Collectors.toSet());
			assertThat(zone.zips()).isNotEmpty().containsExactlyInAnyOrderElementsOf(zips);
		});
		assertThat(crew.zones().stream().flatMap(zone -> zone.cities().stream()))
			.containsExactlyInAnyOrder("Phoenix", "Mesa", "Tempe", "Scottsdale", "Chandler", "Gilbert");
		assertThat(crew.technicians()).allSatisfy(technician -> {
			assertThat(technician.zoneIds()).contains(technician.mainZoneId()).hasSize(2);
			assertThat(zoneIds).containsAll(technician.zoneIds());
		});
	}

	@Test
	void givesEveryActiveTechnicianAWeekdayShiftFromAWeekBeforeToTwoWeeksAfterAndOneTimeOff() {

		var normal = crew.shifts().stream().filter(shift -> shift.shiftType().equals("Normal")).toList();
		var active = crew.technicians().stream().filter(Technician::active).map(Technician::id).collect(Collectors.toSet());
		assertThat(normal).hasSize(18 * 15).allSatisfy(shift -> {
			var start = shift.start().atOffset(ZoneOffset.UTC);
			assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
			assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(9));
			assertThat(start.toLocalDate()).as("Nov 14 (now - 7 days) to Dec 5 (now + 14 days)")
				.isBetween(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 12, 4));
			assertThat(active).contains(shift.technicianId());
		});
		assertThat(normal.stream().collect(Collectors.groupingBy(TechnicianShift::technicianId, Collectors.counting())))
			.hasSize(18).allSatisfy((technician, count) -> assertThat(count).isEqualTo(15L));
		assertThat(crew.shifts().stream().filter(shift -> shift.shiftType().equals("TimeOff"))).singleElement()
			.satisfies(shift -> {
				assertThat(shift.technicianId()).isEqualTo(30000003L);
				assertThat(shift.start()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
				assertThat(shift.title()).isEqualTo("Vacation");
			});
		var onAWednesday = CrewReferenceTenant.generate(Instant.parse("2026-11-18T12:00:00Z"), crm);
		assertThat(onAWednesday.shifts()).hasSize(18 * 16 + 1);
	}

	@Test
	void assignsEachAppointmentOnceToAnActiveTechnicianOfItsJobsUnit() {

		assertThat(crew.assignments()).hasSize(crm.appointments().size()).hasSize(38);
		assertThat(crew.assignments().stream().map(AppointmentAssignment::appointmentId).collect(Collectors.toSet()))
			.isEqualTo(crm.appointments().stream().map(appointment -> appointment.id()).collect(Collectors.toSet()));
		assertThat(crew.assignments()).allSatisfy(assignment -> {
			var job = crm.job(assignment.jobId()).orElseThrow();
			var technician = crew.technician(assignment.technicianId()).orElseThrow();
			assertThat(technician.active()).isTrue();
			assertThat(technician.businessUnitId()).isEqualTo(job.businessUnitId());
			assertThat(assignment.technicianName()).isEqualTo(technician.name());
			assertThat(assignment.active()).isTrue();
			assertThat(assignment.status()).isEqualTo("Scheduled");
			assertThat(assignment.assignedOn()).isBeforeOrEqualTo(NOW);
		});
		var perTechnician = crew.assignments().stream().map(AppointmentAssignment::technicianId).collect(Collectors.toSet());
		assertThat(perTechnician).as("the work is spread over each unit's crew").hasSizeGreaterThan(8);
	}

	@Test
	void generatesEqualCrewsForEqualInstantsShiftedWithTheInstantAndNoCrewForOtherTenants() {

		assertThat(CrewReferenceTenant.generate(NOW, crm)).isEqualTo(crew);
		var weekLater = NOW.plus(Duration.ofDays(7));
		var later = CrewReferenceTenant.generate(weekLater, CrmReferenceTenant.generate(weekLater));
		assertThat(later.shifts()).hasSameSizeAs(crew.shifts());
		for (var index = 0; index < crew.shifts().size(); index++) {
			assertThat(Duration.between(crew.shifts().get(index).start(), later.shifts().get(index).start()))
				.isEqualTo(Duration.ofDays(7));
		}
		assertThat(CrewSeed.generate(NOW, tenant -> crm)).containsOnlyKeys(Set.of(3222348440L));
	}
}
