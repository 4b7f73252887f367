package io.lazi.deploy.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/**
 * The charts of {@code deploy/helm}, copied once per test JVM to {@code target/helm} with their dependencies
 * built there ({@code helm dependency update}, offline: every dependency is a {@code file://} chart), so that
 * the working tree never gets generated {@code charts/} folders. Renders go through helm-java, the real helm
 * as a native library, and are cached by chart and values: many tests read the same manifests.
 *
 * <p>Thread-safe; the copy is made on first use.
 */
final class HelmCharts {

	/** Release name and namespace of every render. */
	static final String RELEASE = "lazi";

	static final String UMBRELLA = "lazi";

	/** The platform's services, each a chart on the library chart. */
	static final List<String> SERVICES = List.of("gateway-service", "st-ingest-service", "pricebook-service",
			"image-service", "crm-pipeline-service", "field-service", "notification-service");

	/** Stand-ins, charts too, installed by the umbrella only when asked. */
	static final List<String> STAND_INS = List.of("st-simulator", "identity-provider");

	static final YAMLMapper YAML = new YAMLMapper();

	private static final Map<String, Rendered> RENDERS = new ConcurrentHashMap<>();

	private static volatile Path charts;

	private HelmCharts() {
	}

	/** The repository's {@code deploy/helm}. */
	static Path sources() {

		var dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("deploy/helm/lazi/Chart.yaml"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("deploy/helm/lazi/Chart.yaml is not above " + Path.of("").toAbsolutePath());
		}
		return dir.resolve("deploy/helm");
	}

	/** The built copy of {@code chart}: its subcharts packaged in its {@code charts/}. */
	static Path chart(String chart) {
		return built().resolve(chart);
	}

	/** The chart's default values. */
	static JsonNode defaultValues(String chart) {
		return read(sources().resolve(chart).resolve("values.yaml"));
	}

	/** {@code deploy/helm/lazi/values-production.yaml}. */
	static Path productionValues() {
		return sources().resolve("lazi/values-production.yaml");
	}

	/**
	 * The production values as one chart sees them: the umbrella's file itself, or for a service chart its
	 * section of that file with the file's {@code global}.
	 */
	static Path productionValues(String chart) {

		if (chart.equals(UMBRELLA)) {
			return productionValues();
		}
		var production = read(productionValues());
		var values = YAML.createObjectNode();
		values.set("global", production.path("global"));
		if (production.path(chart).isObject()) {
			values.setAll((ObjectNode) production.path(chart));
		}
		return write("production-" + chart + ".yaml", values);
	}

	/** Renders {@code chart} with its defaults, then the values file (if any), then each {@code --set}. */
	static Rendered template(String chart, Path valuesFile, Map<String, Object> set) {

		var key = chart + "|" + valuesFile + "|" + new java.util.TreeMap<>(set);
		return RENDERS.computeIfAbsent(key, k -> {
			var command = new Helm(chart(chart)).template().withName(RELEASE).withNamespace(RELEASE);
			if (valuesFile != null) {
				command = command.withValuesFile(valuesFile);
			}
			for (var entry : set.entrySet()) {
				command = command.set(entry.getKey(), entry.getValue());
			}
			return Rendered.parse(command.call());
		});
	}

	static Rendered template(String chart) {
		return template(chart, null, Map.of());
	}

	/** The umbrella with its defaults and {@code set}. */
	static Rendered umbrella(Map<String, Object> set) {
		return template(UMBRELLA, null, set);
	}

	/** The umbrella with the production values. */
	static Rendered production() {
		return template(UMBRELLA, productionValues(), Map.of());
	}

	/**
	 * The message helm fails with when rendering {@code chart} with {@code set}.
	 * @throws AssertionError when it renders
	 */
	static String templateError(String chart, Path valuesFile, Map<String, Object> set) {

		try {
			var command = new Helm(chart(chart)).template().withName(RELEASE).withNamespace(RELEASE);
			if (valuesFile != null) {
				command = command.withValuesFile(valuesFile);
			}
			for (var entry : set.entrySet()) {
				command = command.set(entry.getKey(), entry.getValue());
			}
			command.call();
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
		throw new AssertionError(chart + " rendered with " + set + ", expected helm to refuse it");
	}

	/**
	 * {@code helm lint --strict} of {@code chart} with its values.yaml replaced by its defaults overlaid with
	 * {@code valuesFile} (helm-java's lint takes no values file).
	 */
	static LintResult lint(String chart, Path valuesFile) {

		var dir = chart(chart);
		if (valuesFile != null) {
			dir = built().resolve(chart + "-lint-" + valuesFile.getFileName().toString().replace(".yaml", ""));
			copy(chart(chart), dir);
			var values = (ObjectNode) defaultValues(chart).deepCopy();
			merge(values, read(valuesFile));
			writeTo(dir.resolve("values.yaml"), values);
		}
		return new Helm(dir).lint().strict().call();
	}

	/** Writes {@code values} to a file under {@code target/helm} and returns it. */
	static Path write(String name, JsonNode values) {

		var file = built().resolve("values").resolve(name);
		writeTo(file, values);
		return file;
	}

	static JsonNode read(Path file) {

		try {
			return YAML.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeTo(Path file, JsonNode values) {

		try {
			Files.createDirectories(file.getParent());
			YAML.writeValue(file.toFile(), values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Helm's merge of values: maps merge key by key, anything else is replaced. */
	private static void merge(ObjectNode target, JsonNode overlay) {

		overlay.properties().forEach(entry -> {
			var existing = target.get(entry.getKey());
			if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
				merge(object, entry.getValue());
			}
			else {
				target.set(entry.getKey(), entry.getValue());
			}
		});
	}

	private static Path built() {

		var result = charts;
		if (result == null) {
			synchronized (HelmCharts.class) {
				result = charts;
				if (result == null) {
					result = build();
					charts = result;
				}
			}
		}
		return result;
	}

	/** Copies every chart and builds the dependencies: the library into each chart, then the charts into the umbrella. */
	private static Path build() {

		var target = Path.of("target/helm").toAbsolutePath();
		deleteTree(target);
		var order = new LinkedHashMap<String, Boolean>();
		order.put("lazi-lib", false);
		SERVICES.forEach(chart -> order.put(chart, true));
		STAND_INS.forEach(chart -> order.put(chart, true));
		order.put(UMBRELLA, true);
		order.keySet().forEach(chart -> copy(sources().resolve(chart), target.resolve(chart)));
		order.forEach((chart, hasDependencies) -> {
			if (hasDependencies) {
				new Helm(target.resolve(chart)).dependency().update().skipRefresh().call();
			}
		});
		return target;
	}

	private static void copy(Path from, Path to) {

		try (var files = Files.walk(from)) {
			for (var file : (Iterable<Path>) files::iterator) {
				var destination = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path dir) {

		if (!Files.exists(dir)) {
			return;
		}
		try (var files = Files.walk(dir)) {
			for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
