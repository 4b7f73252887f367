package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

/**
 * The PrometheusRule and the Grafana dashboards of the umbrella chart, switched on by values: the alerts the
 * operators' runbook (docs/operations.md, "Alerts") explains, their thresholds from values, and every metric they
 * and the dashboards select being a family the services expose and the page documents.
 */
class AlertsAndDashboardsUnitTests {

	private static final List<String> ALERTS = List.of("LaziServiceDown", "LaziPodsNotReady", "LaziHigh5xxRatio",
			"LaziConsumerLag", "LaziDeadLetters", "LaziOutboxStale", "LaziSyncRunsFailing", "LaziWebSocketOverflow");

	/**
	 * The Prometheus series the rules and dashboards may select: the platform's own metric families (Micrometer
	 * names {@code lazi.*}), Boot's and the Kafka client's, the JVM's, and Prometheus's and kube-state-metrics'.
	 */
	private static final List<String> FAMILIES = List.of("lazi_sync_runs_seconds", "lazi_st_requests_total",
			"lazi_outbox_backlog_events", "lazi_outbox_oldest_age_seconds", "lazi_kafka_dlt_records_total",
			"lazi_pricebook_push_outcomes_total", "lazi_notification_sessions", "lazi_notification_messages_total",
			"lazi_notification_sessions_overflowed_total", "lazi_crm_rule_applications_total",
			"http_server_requests_seconds", "http_client_requests_seconds", "spring_kafka_listener_seconds",
			"kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes", "process_cpu_usage", "up",
			"kube_deployment_spec_replicas", "kube_deployment_status_replicas_available");

	/** A metric selector: a name followed by its label matchers (every selector here has some). */
	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

	private static final Pattern HISTOGRAM_SUFFIX = Pattern.compile("_(bucket|count|sum|max)$");

	@Test
	void rendersNoRuleAndNoDashboardUnlessAsked() {

		var defaults = HelmCharts.umbrella(Map.of());
		assertThat(defaults.generic("PrometheusRule")).isEmpty();
		assertThat(dashboards(defaults)).isEmpty();
	}

	@Test
	void alertsOnFailuresOfServicesKafkaOutboxSyncsAndWebSocketsWithThresholdsFromValues() {

		var alerts = alerts(HelmCharts.production());
		assertThat(alerts).containsOnlyKeys(ALERTS);
		assertThat(alerts.get("LaziHigh5xxRatio").path("expr").asText()).contains("http_server_requests_seconds_count",
				"status=~\"5..\"", "> 0.05");
		assertThat(alerts.get("LaziConsumerLag").path("expr").asText())
			.contains("kafka_consumer_fetch_manager_records_lag_max", "> 10000");
		assertThat(alerts.get("LaziDeadLetters").path("expr").asText())
			.contains("increase(lazi_kafka_dlt_records_total{", "[15m]", "sum by (service, topic)", "> 0");
		assertThat(alerts.get("LaziOutboxStale").path("expr").asText()).contains("lazi_outbox_oldest_age_seconds{", "> 120");
		assertThat(alerts.get("LaziSyncRunsFailing").path("expr").asText())
			.contains("lazi_sync_runs_seconds_count{", "outcome=\"failed\"", "[1h]", ">= 3");
		assertThat(alerts.get("LaziWebSocketOverflow").path("expr").asText())
			.contains("lazi_notification_sessions_overflowed_total{", "[15m]", "> 5");
		assertThat(alerts.values()).allSatisfy(alert -> {
			assertThat(alert.path("expr").asText()).contains("namespace=\"lazi\"");
			assertThat(alert.path("labels").path("severity").asText()).isIn("warning", "critical");
			assertThat(alert.path("annotations").path("summary").asText()).isNotBlank();
			assertThat(alert.path("annotations").path("description").asText()).isNotBlank();
		});

		var tuned = alerts(HelmCharts.umbrella(Map.of("monitoring.prometheusRule.enabled", true,
				"monitoring.prometheusRule.outboxOldestAgeSeconds", 30, "monitoring.prometheusRule.deadLetters.window", "1h",
				"monitoring.prometheusRule.syncRunsFailed.threshold", 1, "monitoring.prometheusRule.websocketOverflows.threshold", 50)));
		assertThat(tuned.get("LaziOutboxStale").path("expr").asText()).contains("> 30");
		assertThat(tuned.get("LaziDeadLetters").path("expr").asText()).contains("[1h]");
		assertThat(tuned.get("LaziSyncRunsFailing").path("expr").asText()).contains(">= 1");
		assertThat(tuned.get("LaziWebSocketOverflow").path("expr").asText()).contains("> 50");
	}

	@Test
	void pointsEveryAlertAtItsSectionOfTheOperationsPage() throws IOException {

		var page = Files.readString(HelmCharts.sources().resolve("../../docs/operations.md").normalize());
		var alertsSection = page.substring(page.indexOf("\n## Alerts\n"), page.indexOf("\n## ", page.indexOf("\n## Alerts\n") + 1));
		var sections = new ArrayList<String>();
		Pattern.compile("(?m)^### (\\S+)$").matcher(alertsSection).results().forEach(heading -> sections.add(heading.group(1)));
		assertThat(sections).containsExactlyElementsOf(ALERTS);

		alerts(HelmCharts.production()).forEach((name, alert) -> assertThat(alert.path("annotations").path("runbook_url").asText())
			.isEqualTo("docs/operations.md#" + name.toLowerCase(Locale.ROOT)));
		alerts(HelmCharts.umbrella(Map.of("monitoring.prometheusRule.enabled", true, "monitoring.prometheusRule.runbookUrl",
				"https://git.example.com/lazi/docs/operations.md")))
			.forEach((name, alert) -> assertThat(alert.path("annotations").path("runbook_url").asText())
				.startsWith("https://git.example.com/lazi/docs/operations.md#lazi"));
	}

	@Test
	void shipsTheOverviewAndTheBusinessDashboards() throws IOException {

		var dashboards = dashboards(HelmCharts.production());
		assertThat(dashboards).containsOnlyKeys("lazi-overview", "lazi-business");
		assertThat(dashboards.values()).allSatisfy(dashboard -> {
			assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(panel -> {
				assertThat(panel.path("title").asText()).isNotBlank();
				assertThat(panel.path("targets")).isNotEmpty()
					.allSatisfy(target -> assertThat(target.path("expr").asText()).contains("namespace=\"$namespace\""));
			});
			var ids = new TreeSet<Integer>();
			dashboard.path("panels").forEach(panel -> assertThat(ids.add(panel.path("id").asInt())).isTrue());
		});

		var business = expressions(dashboards.get("lazi-business"));
		assertThat(FAMILIES.stream().filter(family -> family.startsWith("lazi_")))
			.allSatisfy(family -> assertThat(business).anySatisfy(expr -> assertThat(expr).contains(family)));
		var quantiles = new ArrayList<String>();
		dashboards.values().forEach(dashboard -> expressions(dashboard).stream()
			.filter(expr -> expr.startsWith("histogram_quantile(0.95,")).forEach(quantiles::add));
		assertThat(quantiles).allSatisfy(expr -> assertThat(expr).contains("_bucket{", "le)"));
		assertThat(String.join("\n", quantiles)).contains("http_server_requests_seconds_bucket",
				"http_client_requests_seconds_bucket", "spring_kafka_listener_seconds_bucket", "lazi_sync_runs_seconds_bucket");
	}

	@Test
	void selectsOnlyDocumentedMetricFamiliesOfTheRelease() throws IOException {

		var rendered = HelmCharts.production();
		var expressions = new ArrayList<String>();
		alerts(rendered).values().forEach(alert -> expressions.add(alert.path("expr").asText()));
		dashboards(rendered).values().forEach(dashboard -> expressions.addAll(expressions(dashboard)));
		var page = Files.readString(HelmCharts.sources().resolve("../../docs/operations.md").normalize());

		var selected = new TreeSet<String>();
		for (var expr : expressions) {
			var selectors = SELECTOR.matcher(expr).results().toList();
			assertThat(selectors).as(expr).isNotEmpty();
			selectors.forEach(selector -> {
				assertThat(selector.group(2)).as(expr).contains("namespace=");
				selected.add(selector.group(1));
			});
		}
		assertThat(selected).allSatisfy(series -> {
			var family = FAMILIES.contains(series) ? series : HISTOGRAM_SUFFIX.matcher(series).replaceFirst("");
			assertThat(FAMILIES).as("metric family of %s", series).contains(family);
			assertThat(page).as("docs/operations.md names %s", series).contains("`" + series);
		});
	}

	/** The rendered alerts by name. */
	private static Map<String, JsonNode> alerts(Rendered rendered) {

		var rules = rendered.generic("PrometheusRule");
		assertThat(rules).singleElement();
		var alerts = new LinkedHashMap<String, JsonNode>();
		HelmCharts.YAML.valueToTree(rules.getFirst().getAdditionalProperties().get("spec")).path("groups")
			.forEach(group -> group.path("rules").forEach(rule -> alerts.put(rule.path("alert").asText(), rule)));
		return alerts;
	}

	/** The rendered dashboards by uid. */
	private static Map<String, JsonNode> dashboards(Rendered rendered) {

		var dashboards = new LinkedHashMap<String, JsonNode>();
		for (var map : rendered.all(ConfigMap.class)) {
			if ("1".equals(map.getMetadata().getLabels().get("grafana_dashboard"))) {
				assertThat(map.getData()).hasSize(1);
				try {
					var json = new ObjectMapper().readTree(map.getData().values().iterator().next());
					dashboards.put(json.path("uid").asText(), json);
				}
				catch (IOException ex) {
					throw new AssertionError(map.getMetadata().getName() + " holds no JSON", ex);
				}
			}
		}
		return dashboards;
	}

	private static List<String> expressions(JsonNode dashboard) {

		var expressions = new ArrayList<String>();
		dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
		return expressions;
	}
}
