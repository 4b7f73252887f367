package io.lazi.stsimulator.crm;

import java.time.Instant;

/**
 * ServiceTitan's {@code TenantSettings.V2.BusinessUnitResponse} (the fields the simulator fills).
 */
public record BusinessUnit(long id, boolean active, String name, String officialName, String currency,
		Instant createdOn, Instant modifiedOn) implements CrmRecord {
}
