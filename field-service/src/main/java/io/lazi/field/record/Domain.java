package io.lazi.field.record;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A part of the API whose records one provider serves per tenant ({@code GET}/{@code PUT /api/v2/providers}). */
public enum Domain {

	/** Customers with their contacts, locations; ServiceTitan's leads and bookings. */
	CUSTOMERS("customers"),

	/** Jobs with their history, appointments and technician assignments; cancel and hold reasons. */
	JOBS("jobs"),

	/** Technicians, teams, zones, shifts and business units. */
	TECHNICIANS("technicians"),

	/** Estimates: where a won or lost opportunity's sell or dismiss goes. */
	ESTIMATES("estimates");

	private final String wire;

	Domain(String wire) {
		this.wire = wire;
	}

	/** As the API, the events and the database spell it, e.g. {@code customers}. */
	public String wire() {
		return wire;
	}

	/** The kinds of record the domain holds. */
	public List<Kind> kinds() {
		return Arrays.stream(Kind.values()).filter(kind -> kind.domain() == this).toList();
	}

	/** The domain spelled {@code wire}; empty for an unknown name. */
	public static Optional<Domain> of(String wire) {
		return Arrays.stream(values()).filter(domain -> domain.wire.equals(wire)).findFirst();
	}
}
