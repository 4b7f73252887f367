package io.lazi.stsimulator.pricebook;

import java.util.Arrays;
import java.util.Optional;

/**
 * ServiceTitan's {@code ActiveRequestArg}: which categories a list returns by their active flag.
 */
public enum ActiveFilter {

	/** Only active categories (ServiceTitan's default); inactive nodes are pruned from nested trees too. */
	TRUE("True"),

	/** Only inactive roots, each with its whole subtree. */
	FALSE("False"),

	/** All roots, each with its whole subtree. */
	ANY("Any");

	private final String label;

	ActiveFilter(String label) {
		this.label = label;
	}

	/**
	 * Parses the wire value, ignoring case as ServiceTitan's .NET binder does.
	 *
	 * @param value the wire value
	 * @return the filter, empty when the value names none
	 */
	public static Optional<ActiveFilter> parse(String value) {
		return Arrays.stream(values()).filter(filter -> filter.label.equalsIgnoreCase(value.trim())).findFirst();
	}
}
