package io.lazi.stsimulator.crm.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lazi.stsimulator.crm.BusinessUnit;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.TenantCrm;

/**
 * The simulator's CRM seed data of every tenant, generated deterministically relative to an instant.
 */
public final class CrmSeed {

	/** Pool - Sales. */
	public static final long POOL_SALES = 5001L;

	/** Pool - Service. */
	public static final long POOL_SERVICE = 5002L;

	/** Pool - Install. */
	public static final long POOL_INSTALL = 5003L;

	/** Electrical - Sales. */
	public static final long ELECTRICAL_SALES = 5004L;

	/** Electrical - Service. */
	public static final long ELECTRICAL_SERVICE = 5005L;

	/** Electrical - Install. */
	public static final long ELECTRICAL_INSTALL = 5006L;

	private static final String[] STREETS = { "Oak", "Maple", "Cedar", "Pine", "Elm", "Willow", "Birch", "Palm" };

	private static final String[] CITIES = { "Phoenix", "Mesa", "Tempe", "Scottsdale", "Chandler", "Gilbert" };

	private static final String[] FIRST = { "Avery", "Jordan", "Morgan", "Riley", "Casey", "Taylor", "Quinn", "Reese",
			"Harper", "Rowan", "Emerson", "Finley", "Hayden", "Kendall", "Logan", "Parker", "Sawyer" };

	private static final String[] LAST = { "Alvarez", "Bennett", "Carter", "Dalton", "Ellis", "Foster", "Garcia",
			"Hughes", "Ingram", "Jensen", "Keller", "Lopez", "Moreno", "Nolan", "Ortega", "Pratt", "Reyes", "Sutton",
			"Turner" };

	private CrmSeed() {
	}

	/**
	 * @param now the instant the data is relative to
	 * @return every tenant's data by tenant id; equal for equal instants
	 */
	public static Map<Long, TenantCrm> generate(Instant now) {

		var tenants = new LinkedHashMap<Long, TenantCrm>();
		tenants.put(CrmReferenceTenant.TENANT_ID, CrmReferenceTenant.generate(now));
		tenants.put(CrmScenarioTenant.TENANT_ID, CrmScenarioTenant.generate(now));
		return tenants;
	}

	/** The six business units every seeded tenant has, created a year before {@code now}. */
	static List<BusinessUnit> businessUnits(Instant now) {

		var created = now.minus(Duration.ofDays(365));
		return List.of(unit(POOL_SALES, "Pool - Sales", created), unit(POOL_SERVICE, "Pool - Service", created),
				unit(POOL_INSTALL, "Pool - Install", created), unit(ELECTRICAL_SALES, "Electrical - Sales", created),
				unit(ELECTRICAL_SERVICE, "Electrical - Service", created),
				unit(ELECTRICAL_INSTALL, "Electrical - Install", created));
	}

	static BusinessUnit unit(List<BusinessUnit> units, long id) {
		return units.stream().filter(unit -> unit.id() == id).findFirst().orElseThrow();
	}

	/** The customer with sequence number {@code n}: name and address derived from {@code n} alone. */
	static Customer customer(long id, int n, Instant createdOn, Instant modifiedOn) {

		var name = FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
		var address = new Customer.Address((100 + n * 7) + " " + STREETS[n % STREETS.length] + " St",
				CITIES[n % CITIES.length], "AZ", Integer.toString(85001 + n % 300), "USA");
		return Customer.residential(id, name, address, createdOn, modifiedOn);
	}

	/** The phone number of customer {@code n}. */
	static String phone(int n) {
		return "480555%04d".formatted(n % 10_000);
	}

	/** The email address of customer {@code n}. */
	static String email(int n) {
		return "customer%d@example.com".formatted(n);
	}

	private static BusinessUnit unit(long id, String name, Instant created) {
		return new BusinessUnit(id, true, name, name + " LLC", "USD", created, created);
	}
}
