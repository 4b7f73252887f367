package io.lazi.crm.lead;

import java.util.Locale;

/**
 * Where a lead stands; {@code converted} only through a conversion (or ServiceTitan's own, for its leads). On the
 * wire in lower case.
 */
enum LeadStatus {

	NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED;

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	static LeadStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}
}
