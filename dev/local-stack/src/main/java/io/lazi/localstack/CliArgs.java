package io.lazi.localstack;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line {@code <command> [--flag] [--option value|--option=value]…}; options may repeat
 * and take comma-separated lists.
 *
 * @param command the command, {@code help} when none
 * @param options the option values by name (without dashes); flags map to {@code "true"}
 */
record CliArgs(String command, Map<String, List<String>> options) {

	private static final Set<String> FLAGS = Set.of("detach", "help");

	static CliArgs parse(String... args) {

		if (args.length == 0) {
			return new CliArgs("help", Map.of());
		}
		var options = new LinkedHashMap<String, List<String>>();
		for (var i = 1; i < args.length; i++) {
			var arg = args[i];
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			var name = arg.substring(2);
			String value;
			var equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (FLAGS.contains(name)) {
				value = "true";
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			options.computeIfAbsent(name, key -> new ArrayList<>())
				.addAll(Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
		}
		return new CliArgs(args[0], options);
	}

	boolean flag(String name) {
		return options.containsKey(name);
	}

	List<String> values(String name, List<String> fallback) {

		var values = options.get(name);
		return values == null || values.isEmpty() ? fallback : values;
	}

	String value(String name, String fallback) {
		return values(name, List.of(fallback)).getLast();
	}

	/** Rejects options other than {@code allowed}. */
	CliArgs allowOnly(String... allowed) {

		var unknown = new ArrayList<>(options.keySet());
		unknown.removeAll(List.of(allowed));
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown option --" + unknown.getFirst() + " for '" + command + "'");
		}
		return this;
	}

	/** {@code 8h}, {@code 30m}, {@code 90s}, {@code 2d} or ISO-8601 ({@code PT8H}). */
	static Duration duration(String text) {

		var matcher = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(text.strip());
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
			throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 8h, 30m, PT8H)");
		}
	}
}
