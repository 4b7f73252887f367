package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan technician ({@code GET /settings/v2/tenant/{tenant}/technicians},
 * {@code TenantSettings.V2.TechnicianResponse}); the fields Lazi reads, names as ServiceTitan's.
 *
 * @param businessUnitId the technician's home business unit
 * @param mainZoneId the zone the technician mostly works in
 * @param zoneIds every zone the technician works in
 * @param team the name of the technician's team ({@code Dispatch.V2.TeamResponse.name}), not its id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StTechnician(long id, @Nullable Long userId, String name, @Nullable Long businessUnitId,
		@Nullable Long mainZoneId, @Nullable List<Long> zoneIds, @Nullable String email, @Nullable String phoneNumber,
		@Nullable String team, boolean active, @Nullable Instant createdOn, @Nullable Instant modifiedOn) {
}
