package io.lazi.stsimulator.dispatch.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lazi.stsimulator.dispatch.Technician;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code TenantSettings.V2.TechnicianResponse}: a {@link Technician} with every required field of
 * the spec filled by its position (daily goal, rates) and the optional ones a live tenant usually shows (login
 * name, role, job filter, payroll id); what the simulator does not model (home address, location, live
 * appointment, skills) is null or empty; {@code home} and {@code location} are left out when null, as the other
 * nullable {@code oneOf} wrappers of the specs (a null does not validate against them).
 */
record TechnicianResponse(long id, long userId, String name, List<Long> roleIds, long businessUnitId, long mainZoneId,
		List<Long> zoneIds, Instant createdOn, Instant modifiedOn, String email, String phoneNumber, String loginName,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Object home, BigDecimal dailyGoal, boolean isManagedTech, String licenseType, List<Object> customFields,
		boolean active, @Nullable String aadUserId, BigDecimal burdenRate, String team, String jobFilter,
		List<Object> permissions, boolean accountLocked, BigDecimal commissionRate, @Nullable BigDecimal currentValue,
		String firstName, String lastName, BigDecimal hourlyRate, @Nullable Long jobId, String mobilePhone,
		@Nullable String outboundCallerId, String payrollId, @Nullable Long payrollProfileId, @Nullable Long appoitmentId,
		@Nullable String shiftStart, @Nullable String shiftEnd, BigDecimal soldByRate, Instant startDate, String status,
		List<Object> skills, List<String> positions, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Object location, @Nullable String bio,
		@Nullable String memo) {

	/** The technician role of ServiceTitan's default user roles. */
	private static final long TECHNICIAN_ROLE = 3L;

	static TechnicianResponse of(Technician technician) {

		var sales = technician.position().equals("Sales");
		var dailyGoal = switch (technician.position()) {
			case "Sales" -> "5000.00";
			case "Installer" -> "3500.00";
			default -> "1500.00";
		};
		return new TechnicianResponse(technician.id(), technician.userId(), technician.name(), List.of(TECHNICIAN_ROLE),
				technician.businessUnitId(), technician.mainZoneId(), technician.zoneIds(), technician.createdOn(),
				technician.modifiedOn(), technician.email(), technician.phoneNumber(),
				(technician.firstName().charAt(0) + technician.lastName()).toLowerCase(Locale.ROOT), null,
				new BigDecimal(dailyGoal), false, "NonManagedTech", List.of(), technician.active(), null,
				new BigDecimal("6.50"), technician.team(), "AllScheduledDispatchedWorkingToday", List.of(), !technician.active(),
				sales ? new BigDecimal("5.00") : BigDecimal.ZERO, null, technician.firstName(), technician.lastName(),
				technician.hourlyRate(), null, technician.phoneNumber(), null, "PR-" + technician.id(), null, null, null, null,
				sales ? new BigDecimal("3.00") : new BigDecimal("1.00"), technician.createdOn(), "Idle", List.of(),
				List.of(technician.position()), null, null, null);
	}
}
