package io.lazi.stsimulator.dispatch.web;

import java.time.Instant;
import java.util.List;

import io.lazi.stsimulator.dispatch.CrewCatalog;
import io.lazi.stsimulator.dispatch.TechnicianShift;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/tenants/{tenant}/crew}: the tenant's field crew as the simulator holds it now, inactive
 * records and every assignment included, for tests and operators checking a copy against it (the public lists
 * page and filter). No authentication. Shifts are counted, not listed. {@code POST /admin/crm/reset} seeds the crew
 * again with the CRM data.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CrewAdminController {

	private final CrewCatalog catalog;

	@GetMapping("/admin/tenants/{tenant}/crew")
	Crew crew(@PathVariable long tenant) {

		var crew = catalog.tenant(tenant);
		return new Crew(
				crew.technicians().stream().map(t -> new Crew.Technician(t.id(), t.name(), t.businessUnitId(), t.team(),
						t.mainZoneId(), t.active())).toList(),
				crew.teams().stream().map(t -> new Crew.Named(t.id(), t.name(), t.active())).toList(),
				crew.zones().stream().map(z -> new Crew.Named(z.id(), z.name(), z.active())).toList(),
				new Crew.Shifts(crew.shifts().size(),
						crew.shifts().stream().filter(shift -> shift.shiftType().equals("TimeOff")).toList()),
				crew.assignments().stream().map(a -> new Crew.Assignment(a.id(), a.appointmentId(), a.jobId(),
						a.technicianId(), a.status(), a.active(), a.modifiedOn())).toList());
	}

	/** The answer: each list in id order. */
	record Crew(List<Technician> technicians, List<Named> teams, List<Named> zones, Shifts shifts,
			List<Assignment> assignments) {

		record Technician(long id, String name, long businessUnitId, String team, long mainZoneId, boolean active) {
		}

		record Named(long id, String name, boolean active) {
		}

		/** @param timeOff the TimeOff shifts, listed */
		record Shifts(int count, List<TechnicianShift> timeOff) {
		}

		record Assignment(long id, long appointmentId, long jobId, long technicianId, String status, boolean active,
				Instant modifiedOn) {
		}
	}
}
