package io.lazi.stsimulator.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * ServiceTitan's {@code Dispatch.V2.ZoneResponse}: an area the office dispatches by, with the zips and cities it
 * covers, the business units serving it and the technicians working it.
 */
public record Zone(long id, boolean active, String name, List<String> zips, List<String> cities,
		List<String> territoryNumbers, List<String> locnNumbers, long createdBy, Instant createdOn, Instant modifiedOn,
		boolean serviceDaysEnabled, List<String> serviceDays, List<Long> businessUnits, List<Long> technicians)
		implements CrewRecord {
}
