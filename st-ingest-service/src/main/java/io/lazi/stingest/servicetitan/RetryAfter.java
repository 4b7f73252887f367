package io.lazi.stingest.servicetitan;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A date
 * in the past means "now"; anything unreadable is treated as absent so the caller's back-off applies.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static Optional<Duration> parse(@Nullable String header, Clock clock) {

		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		var value = header.trim();
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
			}
			catch (NumberFormatException ex) {
				// more digits than a long holds: not a usable delay
				return Optional.empty();
			}
		}
		try {
			var until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			var wait = Duration.between(clock.instant(), until);
			return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}
}
