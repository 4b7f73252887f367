package io.lazi.field.record;

import java.util.Arrays;
import java.util.Optional;

/** Who serves a tenant's domain: which records reads see and where writes go. */
public enum Provider {

	/** Reads the mirror of ServiceTitan; writes go to ServiceTitan as commands and land with its answer. */
	SERVICETITAN("servicetitan"),

	/** Reads and writes Lazi's own records; nothing is sent to ServiceTitan. */
	LAZI("lazi"),

	/**
	 * Lazi's own records plus the mirror's that have no Lazi record of the same id (a Lazi record wins); writes to a
	 * Lazi record stay local, writes to a mirror record go to ServiceTitan, new records are Lazi's.
	 */
	HYBRID("hybrid");

	private final String wire;

	Provider(String wire) {
		this.wire = wire;
	}

	/** As the API, the events and the database spell it, e.g. {@code hybrid}. */
	public String wire() {
		return wire;
	}

	/** The provider spelled {@code wire}; empty for an unknown name. */
	public static Optional<Provider> of(String wire) {
		return Arrays.stream(values()).filter(provider -> provider.wire.equals(wire)).findFirst();
	}
}
