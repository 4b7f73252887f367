package io.lazi.stsimulator.dispatch.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.TenantCrm;
import io.lazi.stsimulator.dispatch.AssignmentWrites;
import io.lazi.stsimulator.dispatch.CrewCatalog;
import io.lazi.stsimulator.dispatch.TenantCrew;
import io.lazi.stsimulator.errors.RequestFields;
import io.lazi.stsimulator.errors.RequestFields.Need;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * ServiceTitan's {@code AppointmentAssignments_AssignTechnicians} ({@code POST
 * /appointment-assignments/assign-technicians}) and {@code _UnassignTechnicians} ({@code POST
 * …/unassign-technicians}), both with {@code {"jobAppointmentId", "technicianIds": [at least one]}} and answering
 * 200 {@code Dispatch.V2.AppointmentResponse} (the appointment). Semantics and refusals: {@link AssignmentWrites};
 * a bad body is a 400 naming the field.
 */
@RestController
@RequestMapping("/dispatch/v2/tenant/{tenant}/appointment-assignments")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AssignmentWritesController {

	private final CrewCatalog crew;

	private final CrmCatalog crm;

	@PostMapping("/assign-technicians")
	DispatchAppointmentResponse assign(@PathVariable long tenant, @RequestBody JsonNode body) {
		return write(tenant, body, AssignmentWrites::assign);
	}

	@PostMapping("/unassign-technicians")
	DispatchAppointmentResponse unassign(@PathVariable long tenant, @RequestBody JsonNode body) {
		return write(tenant, body, AssignmentWrites::unassign);
	}

	private DispatchAppointmentResponse write(long tenant, JsonNode body, Write write) {

		var request = request(body);
		var appointments = crm.tenant(tenant);
		var written = crew.write(tenant, (data, now) -> write.apply(data, appointments, request, now));
		return DispatchAppointmentResponse.of(written.appointment());
	}

	/** {@code Dispatch.V2.AssignTechniciansRequest} and {@code UnassignTechniciansRequest}: both fields required. */
	private static AssignmentWrites.Request request(JsonNode body) {

		var fields = RequestFields.of(body);
		var appointmentId = fields.int64("jobAppointmentId", Need.REQUIRED);
		var technicianIds = fields.int64s("technicianIds", Need.REQUIRED);
		if (technicianIds != null && technicianIds.isEmpty()) {
			fields.reject("technicianIds", "At least one technician id is required.");
		}
		fields.throwIfAny();
		return new AssignmentWrites.Request(Objects.requireNonNull(appointmentId), List.copyOf(Objects.requireNonNull(technicianIds)));
	}

	@FunctionalInterface
	private interface Write {

		AssignmentWrites.Written apply(TenantCrew crew, TenantCrm crm, AssignmentWrites.Request request,
				Instant now);
	}
}
