package io.lazi.field.record;

/** Where a stored record comes from. */
public enum Source {

	/** field-service's mirror of ServiceTitan: changed only by raw records and command answers. */
	SERVICETITAN("servicetitan"),

	/** Lazi's own record: created or edited here, or copied from the mirror by a switch to {@link Provider#LAZI}. */
	LAZI("lazi");

	private final String wire;

	Source(String wire) {
		this.wire = wire;
	}

	/** As stored and as the API and events spell it, e.g. {@code servicetitan}. */
	public String wire() {
		return wire;
	}

	/** The source spelled {@code wire}. */
	public static Source of(String wire) {
		return wire.equals(LAZI.wire) ? LAZI : SERVICETITAN;
	}
}
