package io.lazi.stsimulator.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the date and date-time strings ServiceTitan accepts in filters: an instant with {@code Z}
 * or an offset, a local date-time (taken as UTC) or a date (midnight UTC).
 */
public final class Timestamps {

	private Timestamps() {
	}

	/**
	 * @param value the string
	 * @return the instant, empty when the string is none of the accepted forms
	 */
	public static Optional<Instant> parse(String value) {

		var text = value.strip();
		try {
			if (text.length() == 10) {
				return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
			}
			if (text.endsWith("Z") || text.endsWith("z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
				return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant());
			}
			return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}
}
