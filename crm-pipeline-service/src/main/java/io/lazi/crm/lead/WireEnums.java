package io.lazi.crm.lead;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** Reads the lower-case wire values of the leads' enums, refusing unknown ones with the allowed values. */
final class WireEnums {

	private WireEnums() {
	}

	/**
	 * The constant of {@code type} whose wire value is {@code value} (case-insensitive, trimmed).
	 *
	 * @throws InvalidInputException naming {@code field} and listing the allowed values when none matches
	 */
	static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> wire, String value, String field) {

		var wanted = value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(type.getEnumConstants())
			.filter(e -> wire.apply(e).equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(wire).collect(Collectors.joining(", "))));
	}

	/** {@link #parse}, or {@code fallback} when {@code value} is null. */
	static <E extends Enum<E>> E parseOr(Class<E> type, Function<E, String> wire, @Nullable String value, String field,
			E fallback) {
		return value == null ? fallback : parse(type, wire, value, field);
	}
}
