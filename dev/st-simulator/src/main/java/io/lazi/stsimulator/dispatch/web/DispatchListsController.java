package io.lazi.stsimulator.dispatch.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.lazi.stsimulator.dispatch.AppointmentAssignment;
import io.lazi.stsimulator.dispatch.CrewCatalog;
import io.lazi.stsimulator.dispatch.CrewRecord;
import io.lazi.stsimulator.dispatch.Team;
import io.lazi.stsimulator.dispatch.TechnicianShift;
import io.lazi.stsimulator.dispatch.Zone;
import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.listing.IdList;
import io.lazi.stsimulator.listing.ListArguments;
import io.lazi.stsimulator.listing.PagedResponse;
import io.lazi.stsimulator.listing.QueryErrors;
import io.lazi.stsimulator.listing.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's field-crew reads, each list paged and filtered as {@link ListArguments} describes, in id order,
 * as {@code PaginatedResponse_Of_*}; a tenant without a crew has empty lists:
 * <ul>
 * <li>settings: {@code Technicians_GetList} (plus {@code ids}, {@code userIds}, at most 50 each, and {@code name},
 * contained, any case) and {@code Technicians_Get} (404 for an unknown id);</li>
 * <li>dispatch: {@code Team_GetList} ({@code includeInactive} instead of {@code active}), {@code Zone_GetList},
 * {@code TechnicianShifts_GetList} (plus {@code technicianId}, {@code shiftType} Normal/OnCall/TimeOff,
 * {@code startsOnOrAfter}, {@code endsOnOrBefore}, {@code titleContains}, {@code noteContains}) and
 * {@code AppointmentAssignments_GetList} (plus {@code ids}, {@code appointmentIds}, at most 50 each, and
 * {@code jobId}).</li>
 * </ul>
 * Authentication, tenant binding, rate limits and faults are applied in front of this controller.
 */
@RestController
class DispatchListsController {

	private static final List<String> SHIFT_TYPES = List.of("Normal", "OnCall", "TimeOff");

	private final CrewCatalog catalog;

	private final DispatchSettings settings;

	DispatchListsController(CrewCatalog catalog, DispatchSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/settings/v2/tenant/{tenant}/technicians")
	PagedResponse<TechnicianResponse> technicians(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable String ids, @RequestParam(required = false) @Nullable String userIds,
			@RequestParam(required = false) @Nullable String name) {

		var wanted = IdList.parse("ids", ids);
		var wantedUsers = IdList.parse("userIds", userIds);
		return paged(arguments, new QueryErrors(), catalog.tenant(tenant).technicians().stream()
			.filter(technician -> wanted == null || wanted.contains(technician.id()))
			.filter(technician -> wantedUsers == null || wantedUsers.contains(technician.userId()))
			.filter(technician -> contains(technician.name(), name))
			.toList(), TechnicianResponse::of);
	}

	@GetMapping("/settings/v2/tenant/{tenant}/technicians/{id}")
	TechnicianResponse technician(@PathVariable long tenant, @PathVariable long id) {
		return catalog.tenant(tenant).technician(id).map(TechnicianResponse::of)
			.orElseThrow(() -> ApiException.notFound("Technician with id %d".formatted(id)));
	}

	@GetMapping("/dispatch/v2/tenant/{tenant}/teams")
	PagedResponse<Team> teams(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable Boolean includeInactive) {
		return paged(arguments.withoutActive().withDefaultActive(Boolean.TRUE.equals(includeInactive) ? "Any" : "True"),
				new QueryErrors(), catalog.tenant(tenant).teams(), Function.identity());
	}

	@GetMapping("/dispatch/v2/tenant/{tenant}/zones")
	PagedResponse<Zone> zones(@PathVariable long tenant, ListArguments arguments) {
		return paged(arguments, new QueryErrors(), catalog.tenant(tenant).zones(), Function.identity());
	}

	@GetMapping("/dispatch/v2/tenant/{tenant}/technician-shifts")
	PagedResponse<TechnicianShift> shifts(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable Long technicianId,
			@RequestParam(required = false) @Nullable String shiftType,
			@RequestParam(required = false) @Nullable String startsOnOrAfter,
			@RequestParam(required = false) @Nullable String endsOnOrBefore,
			@RequestParam(required = false) @Nullable String titleContains,
			@RequestParam(required = false) @Nullable String noteContains) {

		var errors = new QueryErrors();
		var type = errors.parse("shiftType", shiftType,
				value -> SHIFT_TYPES.stream().filter(known -> known.equalsIgnoreCase(value.strip())).findFirst());
		var startsFrom = errors.parse("startsOnOrAfter", startsOnOrAfter, Timestamps::parse);
		var endsBy = errors.parse("endsOnOrBefore", endsOnOrBefore, Timestamps::parse);
		return paged(arguments, errors, catalog.tenant(tenant).shifts().stream()
			.filter(shift -> technicianId == null || shift.technicianId() == technicianId)
			.filter(shift -> type == null || type.equals(shift.shiftType()))
			.filter(shift -> startsFrom == null || !shift.start().isBefore(startsFrom))
			.filter(shift -> endsBy == null || !shift.end().isAfter(endsBy))
			.filter(shift -> contains(shift.title(), titleContains))
			.filter(shift -> contains(shift.note(), noteContains))
			.toList(), Function.identity());
	}

	@GetMapping("/dispatch/v2/tenant/{tenant}/appointment-assignments")
	PagedResponse<AppointmentAssignment> assignments(@PathVariable long tenant, ListArguments arguments,
			@RequestParam(required = false) @Nullable String ids,
			@RequestParam(required = false) @Nullable String appointmentIds,
			@RequestParam(required = false) @Nullable Long jobId) {

		var wanted = IdList.parse("ids", ids);
		var wantedAppointments = IdList.parse("appointmentIds", appointmentIds);
		return paged(arguments, new QueryErrors(), catalog.tenant(tenant).assignments().stream()
			.filter(assignment -> wanted == null || wanted.contains(assignment.id()))
			.filter(assignment -> wantedAppointments == null || wantedAppointments.contains(assignment.appointmentId()))
			.filter(assignment -> jobId == null || assignment.jobId() == jobId)
			.toList(), Function.identity());
	}

	private <T extends CrewRecord, R> PagedResponse<R> paged(ListArguments arguments, QueryErrors ownFilters,
			List<T> records, Function<T, R> view) {

		var query = arguments.validate(settings, ownFilters);
		return PagedResponse.of(query, query.select(records), view);
	}

	private static boolean contains(@Nullable String value, @Nullable String part) {
		return part == null || part.isBlank()
				|| value != null && value.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
	}
}
