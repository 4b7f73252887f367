package io.lazi.crm.pipeline;

import java.util.Locale;

/** Whether an opportunity is still open, won or lost; on the wire in lower case. */
public enum OpportunityStatus {

	OPEN, WON, LOST;

	/** {@code open}, {@code won} or {@code lost}. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	static OpportunityStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}
}
