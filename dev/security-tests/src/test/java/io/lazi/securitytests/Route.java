package io.lazi.securitytests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One request mapping a service declares: {@code method} and {@code pattern} as Spring reports them
 * ({@code /api/pricebook/categories/{stId}}, {@code /images/st/**}).
 */
record Route(String service, String method, String pattern) {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(:[^}]*)?}");

	/** The names of the path variables, in order. */
	List<String> variables() {

		var names = new ArrayList<String>();
		var matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** Whether the route changes state (and so needs a write permission). */
	boolean writes() {
		return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
	}

	boolean internal() {
		return pattern.startsWith("/internal/");
	}

	/** The path with each variable replaced by {@code value(name)} and {@code **} by {@code rest}. */
	String path(Function<String, String> value, String rest) {

		var matcher = VARIABLE.matcher(pattern);
		var path = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value.apply(matcher.group(1))));
		}
		matcher.appendTail(path);
		return path.toString().replace("**", rest);
	}

	/** The path with every variable set to one value. */
	String path(String every) {
		return path(name -> every, every);
	}

	/** The path with the variables of {@code values}, others set to {@code fallback}. */
	String path(Map<String, String> values, String fallback) {
		return path(name -> values.getOrDefault(name, fallback), fallback);
	}

	@Override
	public String toString() {
		return service + " " + method + " " + pattern;
	}
}
