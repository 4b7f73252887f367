package io.lazi.field.technician;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.lazi.field.record.Stored;
import io.lazi.platform.events.StTechnician;

/**
 * A technician (fields as ServiceTitan's {@code TechnicianResponse} names them).
 *
 * @param team the name of the technician's team
 */
public record TechnicianView(long id, String source, String name, @Nullable Long businessUnitId, @Nullable String team,
		@Nullable Long mainZoneId, List<Long> zoneIds, @Nullable String email, @Nullable String phoneNumber,
		boolean active, @Nullable Instant modifiedOn) {

	static TechnicianView of(Stored<StTechnician> stored) {
		var t = stored.record();
		return new TechnicianView(t.id(), stored.source().wire(), t.name(), t.businessUnitId(), t.team(), t.mainZoneId(),
				t.zoneIds() == null ? List.of() : t.zoneIds(), t.email(), t.phoneNumber(), t.active(), t.modifiedOn());
	}
}
