package io.lazi.deploy.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

/**
 * The gateway's Ingress or HTTPRoute with WebSocket-friendly timeouts, and the monitoring switches:
 * ServiceMonitors on the management port ({@link AlertsAndDashboardsUnitTests}: the PrometheusRule and dashboards).
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
}
