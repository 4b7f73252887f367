package io.lazi.stsimulator.listing;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's id-list query parameters ({@code ids}, {@code customerIds}, {@code appointmentIds}, …): a
 * plain string of comma-separated ids, at most 50.
 */
public final class IdList {

	/** The most ids ServiceTitan accepts in one parameter. */
	public static final int MAX_IDS = 50;

	private IdList() {
	}

	/**
	 * @param field the query parameter, named in the 400
	 * @param ids its raw value
	 * @return the ids, null when the parameter is absent or blank
	 * @throws ApiException a 400 naming {@code field} for a non-number or more than {@value #MAX_IDS} ids
	 */
	public static @Nullable Set<Long> parse(String field, @Nullable String ids) {

		if (ids == null || ids.isBlank()) {
			return null;
		}
		try {
			var parsed = Arrays.stream(ids.split(","))
				.map(String::trim)
				.filter(id -> !id.isEmpty())
				.map(Long::valueOf)
				.collect(Collectors.toUnmodifiableSet());
			if (parsed.size() > MAX_IDS) {
				throw ApiException.badRequest(field, "At most %d ids are allowed.".formatted(MAX_IDS));
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest(field, "The value '%s' is not valid.".formatted(ids));
		}
	}
}
