package io.lazi.crm.deal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** The kinds of pricebook products a line item can be; on the wire in lower case. */
public enum ProductType {

	SERVICE, MATERIAL, EQUIPMENT;

	/** {@code service}, {@code material} or {@code equipment}. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The type whose {@link #wire()} is {@code value}.
	 *
	 * @throws InvalidInputException naming {@code field} when blank or no type's
	 */
	public static ProductType parse(@Nullable String value, String field) {

		var wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(t -> t.wire().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field,
					"must be one of " + Arrays.stream(values()).map(ProductType::wire).collect(Collectors.joining(", "))));
	}
}
