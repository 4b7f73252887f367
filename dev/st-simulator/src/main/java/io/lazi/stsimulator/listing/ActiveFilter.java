package io.lazi.stsimulator.listing;

import java.util.Arrays;
import java.util.Optional;

/**
 * ServiceTitan's {@code ActiveRequestArg}: which records a list returns by their active flag.
 */
public enum ActiveFilter {

	/** Only active records (ServiceTitan's default); inactive category nodes are pruned from nested trees too. */
	TRUE("True"),

	/** Only inactive records (category roots each with its whole subtree). */
	FALSE("False"),

	/** All records (category roots each with its whole subtree). */
	ANY("Any");

	private final String label;

	ActiveFilter(String label) {
		this.label = label;
	}

	/**
	 * @param active a record's active flag
	 * @return whether this filter lets the record through
	 */
	public boolean admits(boolean active) {
		return switch (this) {
			case TRUE -> active;
			case FALSE -> !active;
			case ANY -> true;
		};
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
