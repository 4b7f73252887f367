package io.lazi.stsimulator.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A technician: the fields of ServiceTitan's {@code TenantSettings.V2.TechnicianResponse} the simulator varies
 * (the web layer fills in the rest).
 *
 * @param team the name of the technician's {@link Team}, as ServiceTitan gives it
 * @param mainZoneId the zone the technician mostly works in, one of {@code zoneIds}
 * @param position {@code Sales}, {@code Service} or {@code Installer} ({@code TenantSettings.V2.TechnicianPosition})
 */
public record Technician(long id, long userId, String name, String firstName, String lastName, long businessUnitId,
		String team, long mainZoneId, List<Long> zoneIds, String email, String phoneNumber, String position,
		BigDecimal hourlyRate, boolean active, Instant createdOn, Instant modifiedOn) implements CrewRecord {
}
