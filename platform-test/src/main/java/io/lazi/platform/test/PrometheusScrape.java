package io.lazi.platform.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;

/**
 * One scrape of a service's {@code /actuator/prometheus} (Prometheus text format 0.0.4), parsed into its
 * series, for the tests that hold each service to the metric families an operator looks for
 * (docs/operations.md, "Metrics").
 *
 * @param series every sample line, in the order served
 */
public record PrometheusScrape(List<Series> series) {

	/**
	 * One sample line.
	 *
	 * @param name the series name, e.g. {@code lazi_sync_runs_seconds_bucket}
	 * @param labels its labels, unescaped
	 */
	public record Series(String name, Map<String, String> labels, double value) {

		/** Whether every label of {@code wanted} has that value here (others may be present too). */
		public boolean has(Map<String, String> wanted) {
			return labels.entrySet().containsAll(wanted.entrySet());
		}
	}

	/**
	 * Scrapes {@code /actuator/prometheus} on the management port without a token, as Prometheus does.
	 *
	 * @param managementPort the service's management (actuator) port on 127.0.0.1
	 * @throws IllegalStateException when the endpoint does not answer 200 or cannot be reached
	 */
	public static PrometheusScrape fetch(int managementPort) {

		try {
			var response = HealthGroups.probe(managementPort, "/actuator/prometheus");
			if (response.statusCode() != 200) {
				throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
			}
			return parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("/actuator/prometheus on port " + managementPort + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while scraping", ex);
		}
	}

	/**
	 * What {@code /actuator/prometheus} serves now, read from the endpoint itself: for test contexts without a
	 * server (MockMvc), which have no management port.
	 */
	public static PrometheusScrape of(PrometheusScrapeEndpoint endpoint) {

		var body = endpoint.scrape(PrometheusOutputFormat.CONTENT_TYPE_004, null).getBody();
		return parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
	}

	/** The series of an exposition in the Prometheus text format; comment lines are skipped. */
	public static PrometheusScrape parse(String text) {

		var all = new ArrayList<Series>();
		for (var line : text.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				all.add(line(line.strip()));
			}
		}
		return new PrometheusScrape(List.copyOf(all));
	}

	/** The series named {@code name} whose labels include {@code labels} (name, value, name, value, …). */
	public List<Series> find(String name, String... labels) {

		var wanted = pairs(labels);
		return series.stream().filter(s -> s.name().equals(name) && s.has(wanted)).toList();
	}

	/** The series whose label {@code label} is missing or not {@code value}: empty when every series has it. */
	public List<Series> without(String label, String value) {
		return series.stream().filter(s -> !value.equals(s.labels().get(label))).toList();
	}

	/** The distinct values of {@code label} among the series named {@code name}. */
	public Set<String> values(String name, String label) {

		var values = new TreeSet<String>();
		series.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
			.forEach(s -> values.add(s.labels().get(label)));
		return Collections.unmodifiableSet(values);
	}

	private static Map<String, String> pairs(String... labels) {

		if (labels.length % 2 != 0) {
			throw new IllegalArgumentException("Labels come in name, value pairs");
		}
		var wanted = new LinkedHashMap<String, String>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return wanted;
	}

	/** {@code name{label="value",...} value [timestamp]}, label values with {@code \\}, {@code \"}, {@code \n} escapes. */
	private static Series line(String line) {

		var brace = line.indexOf('{');
		var space = line.indexOf(' ');
		if (brace < 0 || (space >= 0 && space < brace)) {
			var parts = line.split(" ");
			return new Series(parts[0], Map.of(), number(parts[1]));
		}
		var labels = new LinkedHashMap<String, String>();
		int i = brace + 1;
		while (line.charAt(i) != '}') {
			var equals = line.indexOf('=', i);
			var key = line.substring(i, equals).strip();
			var value = new StringBuilder();
			i = equals + 2;
			while (line.charAt(i) != '"') {
				var c = line.charAt(i);
				if (c == '\\') {
					var next = line.charAt(++i);
					value.append(next == 'n' ? '\n' : next);
				}
				else {
					value.append(c);
				}
				i++;
			}
			labels.put(key, value.toString());
			i++;
			if (line.charAt(i) == ',') {
				i++;
			}
		}
		var rest = line.substring(i + 1).strip().split(" ");
		return new Series(line.substring(0, brace), Collections.unmodifiableMap(labels), number(rest[0]));
	}

	private static double number(String text) {
		return switch (text) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}
}
