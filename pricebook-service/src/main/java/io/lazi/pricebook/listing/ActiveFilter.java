package io.lazi.pricebook.listing;

import java.util.Locale;

import io.lazi.platform.web.InvalidInputException;

/** Which items a listing returns by their {@code active} flag. */
public enum ActiveFilter {

	ACTIVE, INACTIVE, ALL;

	/**
	 * The filter a listing's {@code active} query parameter names: {@code true}, {@code false} or {@code all},
	 * case-insensitive.
	 *
	 * @throws InvalidInputException (400 naming {@code active}) for any other value
	 */
	public static ActiveFilter of(String active) {
		return switch (active.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> ACTIVE;
			case "false" -> INACTIVE;
			case "all" -> ALL;
			default -> throw new InvalidInputException("active", "must be true, false or all");
		};
	}
}
