package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The values of a {@link FieldCommand}; each {@link FieldAction} reads the ones its documentation names and
 * ignores the rest, and a null value is not written.
 *
 * @param name a customer's name
 * @param type a customer's {@code Residential} or {@code Commercial}
 * @param address a customer's address (for a create, also its first location's)
 * @param summary a job's summary
 * @param priority a job's {@code Low}, {@code Normal}, {@code High} or {@code Urgent}
 * @param appointmentId the appointment of the job an assignment concerns
 * @param technicianIds the technicians to assign or unassign
 * @param reasonId a cancel or hold reason ({@code job-cancel-reasons}, {@code job-hold-reasons})
 * @param memo why a job is canceled or held
 * @param start an appointment's new start, UTC
 * @param end an appointment's new end, or when a job was completed, UTC
 * @param email an email contact of a customer to create
 * @param phone a phone contact of a customer to create
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldWrite(@Nullable String name, @Nullable String type, @Nullable StAddress address,
		@Nullable String summary, @Nullable Long businessUnitId, @Nullable Long jobTypeId, @Nullable String priority,
		@Nullable Long appointmentId, @Nullable List<Long> technicianIds, @Nullable Long reasonId,
		@Nullable String memo, @Nullable Instant start, @Nullable Instant end, @Nullable String email,
		@Nullable String phone) {

	/** Values without a customer's contacts (as before they were added). */
	public FieldWrite(@Nullable String name, @Nullable String type, @Nullable StAddress address,
			@Nullable String summary, @Nullable Long businessUnitId, @Nullable Long jobTypeId, @Nullable String priority,
			@Nullable Long appointmentId, @Nullable List<Long> technicianIds, @Nullable Long reasonId,
			@Nullable String memo, @Nullable Instant start, @Nullable Instant end) {
		this(name, type, address, summary, businessUnitId, jobTypeId, priority, appointmentId, technicianIds, reasonId,
				memo, start, end, null, null);
	}

	/** No values: for actions that need none. */
	public static FieldWrite none() {
		return new FieldWrite(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}
}
