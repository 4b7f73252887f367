package io.lazi.localstack.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration option: {@code 8h}, {@code 30m}, {@code 90s}, {@code 2d} or ISO-8601 ({@code PT8H}). */
public final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

	@Override
	public Duration convert(String text) {

		var matcher = SHORT.matcher(text.strip());
		if (matcher.matches()) {
			var amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		try {
			return Duration.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new TypeConversionException("'" + text + "' is not a duration (e.g. 8h, 30m, PT8H)");
		}
	}
}
