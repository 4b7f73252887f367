package io.lazi.stsimulator.listing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * Collects the invalid query arguments of one request, in the order they are checked, so that they
 * are all answered in a single 400 as ServiceTitan's model validation does. Not thread-safe: one per
 * request.
 */
public final class QueryErrors {

	private final Map<String, List<String>> errors = new LinkedHashMap<>();

	/**
	 * Parses an optional argument, recording {@code The value '…' is not valid.} when it does not parse.
	 *
	 * @param field the query parameter
	 * @param value its raw value, null or blank when absent
	 * @param parser the parser, empty for an invalid value
	 * @return the parsed value, null when absent or invalid
	 */
	public <T> @Nullable T parse(String field, @Nullable String value, Function<String, Optional<T>> parser) {

		if (value == null || value.isBlank()) {
			return null;
		}
		var parsed = parser.apply(value);
		if (parsed.isEmpty()) {
			reject(field, "The value '%s' is not valid.".formatted(value));
		}
		return parsed.orElse(null);
	}

	/**
	 * @param field the query parameter
	 * @param message what is wrong with it
	 */
	public void reject(String field, String message) {
		errors.put(field, List.of(message));
	}

	void addAll(QueryErrors other) {
		errors.putAll(other.errors);
	}

	/**
	 * @throws ApiException a 400 naming every rejected argument, when there is one
	 */
	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw ApiException.badRequest(errors);
		}
	}
}
