package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.crm.Appointment;
import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmWrites;
import io.lazi.stsimulator.errors.RequestFields;
import io.lazi.stsimulator.errors.RequestFields.Need;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * ServiceTitan's appointment writes: {@code Appointments_Reschedule} ({@code PATCH /appointments/{id}/reschedule},
 * {@code AppointmentRescheduleRequest} {@code {start?, end?, arrivalWindowStart?, arrivalWindowEnd?}}, 200
 * {@code AppointmentResponse}; the new time is unconfirmed) and {@code Appointments_Confirm}
 * ({@code PUT /appointments/{id}/confirmation}, no body, 200 without a body). Semantics and refusals:
 * {@link CrmWrites}; a bad body is a 400 naming the field.
 */
@RestController
@RequestMapping("/jpm/v2/tenant/{tenant}/appointments/{id}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AppointmentWritesController {

	private final CrmCatalog catalog;

	@PatchMapping("/reschedule")
	Appointment reschedule(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {

		var fields = RequestFields.of(body);
		var start = fields.dateTime("start", Need.OPTIONAL);
		var end = fields.dateTime("end", Need.OPTIONAL);
		var windowStart = fields.dateTime("arrivalWindowStart", Need.NULLABLE);
		var windowEnd = fields.dateTime("arrivalWindowEnd", Need.NULLABLE);
		fields.throwIfAny();
		var windowSupplied = fields.has("arrivalWindowStart") || fields.has("arrivalWindowEnd");
		return catalog.write(tenant,
				(data, now) -> CrmWrites.reschedule(data, id, start, end, windowSupplied, windowStart, windowEnd, now));
	}

	@PutMapping("/confirmation")
	void confirm(@PathVariable long tenant, @PathVariable long id) {
		catalog.write(tenant, (data, now) -> CrmWrites.confirm(data, id, now));
	}
}
