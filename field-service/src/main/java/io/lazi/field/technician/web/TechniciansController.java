package io.lazi.field.technician.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.field.technician.Availability;
import io.lazi.field.technician.TechnicianView;
import io.lazi.field.technician.Technicians;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StTeam;
import io.lazi.platform.events.StZone;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.Tenant;

/** Technicians, their availability, teams, zones and business units. Another tenant's id answers 404. */
@Tag(name = "Technicians", description = "Technicians with their availability; teams, zones, business units.")
@RestController
@RequestMapping("/api/v2")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TechniciansController {

	private final Technicians technicians;

	@Operation(summary = "List technicians by id", description = "Of `teamId` or `businessUnitId` when given; `q` words must all occur in the name, email, phone or team; `active=true` keeps active ones only.")
	@GetMapping("/technicians")
	Page<TechnicianView> list(Tenant tenant, @RequestParam(required = false) @Nullable Long teamId,
			@RequestParam(required = false) @Nullable Long businessUnitId,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean active,
			PageRequest page) {
		return technicians.list(tenant.id(), teamId, businessUnitId, q, active, page);
	}

	@Operation(summary = "Read a technician")
	@GetMapping("/technicians/{id}")
	TechnicianView get(Tenant tenant, @PathVariable long id) {
		return technicians.get(tenant.id(), id);
	}

	@Operation(summary = "A technician's availability", description = "Shifts minus time off minus assigned appointments between `from` and `to` (ISO-8601 instants, at most 31 days apart).")
	@GetMapping("/technicians/{id}/availability")
	Availability availability(Tenant tenant, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		return technicians.availability(tenant.id(), id, from, to);
	}

	@Operation(summary = "List teams")
	@GetMapping("/teams")
	List<StTeam> teams(Tenant tenant) {
		return technicians.teams(tenant.id());
	}

	@Operation(summary = "List a team's technicians")
	@GetMapping("/teams/{id}/technicians")
	Page<TechnicianView> ofTeam(Tenant tenant, @PathVariable long id, PageRequest page) {
		return technicians.list(tenant.id(), id, null, null, false, page);
	}

	@Operation(summary = "List zones")
	@GetMapping("/zones")
	List<StZone> zones(Tenant tenant) {
		return technicians.zones(tenant.id());
	}

	@Operation(summary = "List business units")
	@GetMapping("/business-units")
	List<StBusinessUnit> businessUnits(Tenant tenant) {
		return technicians.businessUnits(tenant.id());
	}

	@Operation(summary = "List a business unit's technicians")
	@GetMapping("/business-units/{id}/technicians")
	Page<TechnicianView> ofBusinessUnit(Tenant tenant, @PathVariable long id, PageRequest page) {
		return technicians.list(tenant.id(), null, id, null, false, page);
	}
}
