package io.lazi.faultharness;

/**
 * How big the CRM workload of a run is ({@link CrmWorkload}).
 *
 * @param customers customers of the synthetic CRM tenant
 * @param editRounds incremental CRM syncs, each after {@code editsPerRound} ServiceTitan edits
 * @param editsPerRound ServiceTitan CRM edits before each incremental sync
 */
public record CrmSizes(int customers, int editRounds, int editsPerRound) {

	/** The short form's: a few hundred customers, three rounds. */
	public static final CrmSizes SHORT = new CrmSizes(300, 3, 40);

	/** The 10,000-customer tenant, six rounds of 300 edits. */
	public static final CrmSizes LONG = new CrmSizes(10_000, 6, 300);
}
