package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chart passes {@code helm lint --strict} and renders, with its default values and with the production
 * values, and the service charts validate their values against the one shared schema.
 */
class ChartLintUnitTests {

	static Stream<String> charts() {
		return Stream.of(Stream.of(HelmCharts.UMBRELLA), HelmCharts.SERVICES.stream(), HelmCharts.STAND_INS.stream())
			.flatMap(s -> s);
	}

	@ParameterizedTest
	@MethodSource("charts")
	void lintsAndRendersWithDefaultValues(String chart) {

		var lint = HelmCharts.lint(chart, null);
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		assertThat(HelmCharts.template(chart).resources()).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("charts")
	void lintsAndRendersWithProductionValues(String chart) {

		var values = HelmCharts.productionValues(chart);
		if (HelmCharts.STAND_INS.contains(chart)) {
			// Stand-ins are never in production: its values have no digest for them, which the release refuses.
			assertThat(HelmCharts.templateError(chart, values, java.util.Map.of()))
				.contains(chart + ": image.digest is required (global.image.requireDigest is true)");
			return;
		}
		var lint = HelmCharts.lint(chart, values);
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		assertThat(HelmCharts.template(chart, values, java.util.Map.of()).resources()).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("charts")
	void checksServiceValuesAgainstTheSharedSchema(String chart) throws Exception {

		if (chart.equals(HelmCharts.UMBRELLA)) {
			return;
		}
		var shared = Files.readString(HelmCharts.sources().resolve("lazi-lib/service-values.schema.json"));
		assertThat(Files.readString(HelmCharts.sources().resolve(chart).resolve("values.schema.json")))
			.as("%s/values.schema.json is a copy of lazi-lib/service-values.schema.json", chart)
			.isEqualTo(shared);
	}
}
