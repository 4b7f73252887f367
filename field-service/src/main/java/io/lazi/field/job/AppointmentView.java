package io.lazi.field.job;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.field.record.Stored;
import io.lazi.platform.events.StAppointment;

/**
 * An appointment of a job: when a technician is expected on site.
 *
 * @param status {@code Scheduled}, {@code Dispatched}, {@code Working}, {@code Hold}, {@code Done}, {@code Canceled}
 * @param technicianIds the technicians actively assigned to it, ascending
 */
public record AppointmentView(long id, String source, long jobId, long customerId, @Nullable String appointmentNumber,
		@Nullable Instant start, @Nullable Instant end, String status, boolean active, List<Long> technicianIds,
		@Nullable Instant modifiedOn) {

	static AppointmentView of(Stored<StAppointment> stored, List<Long> technicianIds) {
		var a = stored.record();
		return new AppointmentView(a.id(), stored.source().wire(), a.jobId(), a.customerId(), a.appointmentNumber(),
				a.start(), a.end(), a.status(), a.active(), technicianIds, a.modifiedOn());
	}
}
