package io.lazi.stsimulator.pricebook;

import java.util.Arrays;
import java.util.Optional;

/**
 * ServiceTitan's {@code Pricebook.V2.CategoryType}: a category holds either services or materials.
 */
public enum CategoryType {

	/** Service SKUs. */
	SERVICES("Services"),

	/** Material SKUs. */
	MATERIALS("Materials");

	private final String label;

	CategoryType(String label) {
		this.label = label;
	}

	/**
	 * @return the value as ServiceTitan writes it on the wire
	 */
	public String label() {
		return label;
	}

	/**
	 * Parses the wire value, ignoring case as ServiceTitan's .NET binder does.
	 *
	 * @param value the wire value
	 * @return the type, empty when the value names none
	 */
	public static Optional<CategoryType> parse(String value) {
		return Arrays.stream(values()).filter(type -> type.label.equalsIgnoreCase(value.trim())).findFirst();
	}
}
