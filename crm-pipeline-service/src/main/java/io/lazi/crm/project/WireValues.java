package io.lazi.crm.project;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** Reads the lower-case wire values of this module's enums; anything else is bad input naming the field. */
final class WireValues {

	private WireValues() {
	}

	/** Lower-case enum name, e.g. {@code on_hold}. */
	static String wire(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The constant whose wire value is {@code value}, exactly.
	 *
	 * @throws InvalidInputException naming {@code field} and listing the allowed values
	 */
	static <E extends Enum<E>> E parse(E[] values, Function<E, String> wire, @Nullable String value, String field) {
		return Arrays.stream(values)
			.filter(v -> wire.apply(v).equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field,
					"must be one of " + Arrays.stream(values).map(wire).collect(Collectors.joining(", "))));
	}
}
