package io.lazi.stsimulator.dispatch.seed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import io.lazi.stsimulator.crm.TenantCrm;
import io.lazi.stsimulator.dispatch.TenantCrew;

/**
 * The simulator's field-crew seed data of every tenant that has one (only the reference tenant; other tenants have
 * no crew), generated deterministically relative to an instant.
 */
public final class CrewSeed {

	private CrewSeed() {
	}

	/**
	 * @param now the CRM's seed instant
	 * @param crm each tenant's seeded CRM data, which the crew's business units, zones and assignments refer to
	 * @return every crew by tenant id; equal for equal instants and CRM data
	 */
	public static Map<Long, TenantCrew> generate(Instant now, LongFunction<TenantCrm> crm) {

		var tenants = new LinkedHashMap<Long, TenantCrew>();
		tenants.put(CrewReferenceTenant.TENANT_ID, CrewReferenceTenant.generate(now, crm.apply(CrewReferenceTenant.TENANT_ID)));
		return tenants;
	}
}
