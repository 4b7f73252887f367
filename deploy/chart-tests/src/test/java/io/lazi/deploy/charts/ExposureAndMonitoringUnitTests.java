package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

/**
 * The gateway's Ingress or HTTPRoute with WebSocket-friendly timeouts, and the monitoring switches:
 * ServiceMonitors on the management port, the PrometheusRule and the Grafana dashboard.
 */
class ExposureAndMonitoringUnitTests {

	@Test
	void exposesTheGatewayThroughAnIngressWithLongTimeouts() {

		assertThat(HelmCharts.umbrella(Map.of()).all(Ingress.class)).isEmpty();
		var ingress = HelmCharts.production().all(Ingress.class);
		assertThat(ingress).singleElement().satisfies(resource -> {
			assertThat(resource.getMetadata().getAnnotations())
				.containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
				.containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
			assertThat(resource.getSpec().getTls()).singleElement().satisfies(tls -> {
				assertThat(tls.getSecretName()).isEqualTo("lazi-tls");
				assertThat(tls.getHosts()).containsExactly("lazi.example.com");
			});
			var backend = resource.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService();
			assertThat(backend.getName()).isEqualTo("lazi-gateway-service");
			assertThat(backend.getPort().getName()).isEqualTo("http");
		});
	}

	@Test
	void exposesTheGatewayThroughAnHttpRouteAsTheAlternative() {

		var routes = HelmCharts.umbrella(Map.of("httpRoute.enabled", true)).all(HTTPRoute.class);
		assertThat(routes).singleElement().satisfies(route -> {
			var rules = route.getSpec().getRules();
			assertThat(rules).hasSize(2);
			assertThat(rules.getFirst().getMatches().getFirst().getPath().getValue()).isEqualTo("/ws");
			assertThat(rules.getFirst().getTimeouts().getRequest()).isEqualTo("3600s");
			assertThat(rules.get(1).getTimeouts().getRequest()).isEqualTo("60s");
			assertThat(rules).allSatisfy(rule -> assertThat(rule.getBackendRefs()).singleElement()
				.satisfies(backend -> assertThat(backend.getName()).isEqualTo("lazi-gateway-service")));
		});
	}

	@Test
	void scrapesTheManagementPortWhenAsked() {

		assertThat(HelmCharts.umbrella(Map.of()).generic("ServiceMonitor")).isEmpty();
		var monitors = HelmCharts.production().generic("ServiceMonitor");
		assertThat(monitors).hasSize(HelmCharts.SERVICES.size()).allSatisfy(monitor -> {
			assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
			@SuppressWarnings("unchecked")
			var endpoints = (List<Map<String, Object>>) ((Map<String, Object>) monitor.getAdditionalProperties().get("spec"))
				.get("endpoints");
			assertThat(endpoints).singleElement().satisfies(endpoint -> assertThat(endpoint)
				.containsEntry("port", "management").containsEntry("path", "/actuator/prometheus"));
		});
	}

	@Test
	void shipsAlertsAndADashboardWhenAsked() throws Exception {

		assertThat(HelmCharts.umbrella(Map.of()).generic("PrometheusRule")).isEmpty();
		var rule = HelmCharts.production().generic("PrometheusRule");
		assertThat(rule).singleElement().satisfies(resource -> {
			var alerts = new java.util.LinkedHashMap<String, String>();
			HelmCharts.YAML.valueToTree(resource.getAdditionalProperties().get("spec")).path("groups")
				.forEach(group -> group.path("rules").forEach(
						alert -> alerts.put(alert.path("alert").asText(), alert.path("expr").asText())));
			assertThat(alerts).containsOnlyKeys("LaziServiceDown", "LaziPodsNotReady", "LaziHigh5xxRatio", "LaziConsumerLag");
			assertThat(alerts.get("LaziHigh5xxRatio")).contains("http_server_requests_seconds_count", "status=~\"5..\"", "> 0.05");
			assertThat(alerts.get("LaziConsumerLag")).contains("kafka_consumer_fetch_manager_records_lag_max");
			assertThat(alerts.values()).allSatisfy(expr -> assertThat(expr).contains("namespace=\"lazi\""));
		});
		var dashboards = HelmCharts.production().all(ConfigMap.class).stream()
			.filter(map -> "1".equals(map.getMetadata().getLabels().get("grafana_dashboard")))
			.toList();
		assertThat(dashboards).singleElement().satisfies(map -> {
			var json = new ObjectMapper().readTree(map.getData().get("lazi-overview.json"));
			assertThat(json.path("uid").asText()).isEqualTo("lazi-overview");
			assertThat(json.path("panels")).isNotEmpty();
		});
	}
}
