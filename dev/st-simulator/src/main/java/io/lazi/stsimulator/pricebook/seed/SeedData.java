package io.lazi.stsimulator.pricebook.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lazi.stsimulator.pricebook.Category;

/**
 * The simulator's seed data: every tenant's categories, generated deterministically.
 */
public final class SeedData {

	private SeedData() {
	}

	/**
	 * @return the categories by tenant id; equal on every call
	 */
	public static Map<Long, List<Category>> generate() {

		var tenants = new LinkedHashMap<Long, List<Category>>();
		tenants.put(ReferenceTenant.TENANT_ID, ReferenceTenant.generate());
		tenants.put(IsolationTenant.TENANT_ID, IsolationTenant.generate());
		return tenants;
	}
}
